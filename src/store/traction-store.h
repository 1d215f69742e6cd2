/* traction-store.h: the SQLite store. Only this layer speaks SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>

#include "traction-core.h"

G_BEGIN_DECLS

#define TRACTION_STORE_ERROR (traction_store_error_quark ())

typedef enum {
  TRACTION_STORE_ERROR_NEWER_SCHEMA,  /* made by a newer Traction */
  TRACTION_STORE_ERROR_CORRUPT,       /* not a database, or damaged */
  TRACTION_STORE_ERROR_READ_ONLY,     /* file or folder cannot be written */
  TRACTION_STORE_ERROR_LOCKED,        /* another program holds a lock */
  TRACTION_STORE_ERROR_DISK_FULL,
  TRACTION_STORE_ERROR_NOT_FOUND,     /* no such file (open without create), or no such row */
  TRACTION_STORE_ERROR_INVALID,       /* bad input: the message says which line/field and why */
  TRACTION_STORE_ERROR_NOT_EMPTY,     /* import into a database that holds data */
  TRACTION_STORE_ERROR_FAILED,        /* anything else SQLite reports */
} TractionStoreError;

GQuark traction_store_error_quark (void);

#define TRACTION_TYPE_STORE (traction_store_get_type ())
G_DECLARE_FINAL_TYPE (TractionStore, traction_store, TRACTION, STORE, GObject)

/* The schema version this build writes (PRAGMA user_version). */
int            traction_store_schema_version  (void);

/* $XDG_DATA_HOME/traction/traction.db (newly allocated). */
char          *traction_store_default_path    (void);

/* Opens (and with create, creates, including its folder) the database at
 * path, sets WAL and foreign keys, migrates it forward and, when it was
 * created, writes the defaults (loss reasons, objections, SPIN questions,
 * playbooks). Errors are TRACTION_STORE_ERROR with a message a founder can
 * act on. */
TractionStore *traction_store_open            (const char  *path,
                                               gboolean     create,
                                               GError     **error);
const char    *traction_store_get_path        (TractionStore *self);

/* A second, read-only connection to self's file, for loading in a worker
 * thread while self writes on the main one (WAL: it sees every committed
 * write). Use it from one thread at a time; its ::changed never fires. */
TractionStore *traction_store_open_reader     (TractionStore  *self,
                                               GError        **error);

/* Emits ::changed after every committed write done through the store. */
void           traction_store_emit_changed    (TractionStore *self);

/* Settings and rules (§8): rules are the defaults overlaid with the
 * settings table. */
void           traction_store_get_rules       (TractionStore  *self,
                                               TractionRules  *rules);
gboolean       traction_store_set_rules       (TractionStore        *self,
                                               const TractionRules  *rules,
                                               GError              **error);
char          *traction_store_get_setting     (TractionStore  *self,
                                               const char     *key);   /* NULL when unset */
gboolean       traction_store_set_setting     (TractionStore  *self,
                                               const char     *key,
                                               const char     *value,
                                               GError        **error);
/* Company name ("" when unset) and currency code (default "USD"). */
char          *traction_store_get_company_name (TractionStore *self);
char          *traction_store_get_currency     (TractionStore *self);

/* The company logo, a PNG of at most TRACTION_LOGO_MAX_BYTES kept in
 * the database (as base64 under the setting "company_logo_png"): NULL
 * when none is set. */
#define TRACTION_LOGO_MAX_BYTES (512 * 1024)
GBytes        *traction_store_get_logo        (TractionStore  *self);
/* png NULL removes it; INVALID when it is not a PNG or too large. */
gboolean       traction_store_set_logo        (TractionStore  *self,
                                               GBytes         *png,
                                               GError        **error);

/* TRUE when the database holds no accounts, deals, providers, founders or
 * products (only the defaults a new file is seeded with). */
gboolean       traction_store_is_empty        (TractionStore  *self);

/* Backups (SQLite backup API), beside the database in "backups/":
 * NAME-YYYY-MM-DD.db for a database NAME.db, one a day, the newest `keep`
 * kept. */
gboolean       traction_store_backup_daily    (TractionStore  *self,
                                               const GDate    *today,
                                               guint           keep,
                                               GError        **error);
gboolean       traction_store_backup_to       (TractionStore  *self,
                                               const char     *dest_path,
                                               GError        **error);
/* The day a backup was made, read from its name; FALSE for other files. */
gboolean       traction_store_backup_date     (const char     *backup_path,
                                               GDate          *out);
/* Paths of the backups of the database at db_path, newest first. */
GPtrArray     *traction_store_list_backups    (const char     *db_path);
/* Replaces the database at db_path by the backup (checked first: it must
 * open and pass integrity_check). The store on db_path must be closed.
 * The replaced file is kept beside it as "<db_path>.replaced-<UTC stamp>";
 * kept_path (may be NULL) gets that path, or NULL when there was no file. */
gboolean       traction_store_restore         (const char     *backup_path,
                                               const char     *db_path,
                                               char          **kept_path,
                                               GError        **error);

/* ------------------------------------------------------------------ */
/* Named lists (founders, products, loss reasons)                       */
/* ------------------------------------------------------------------ */

typedef struct {
  gint64  id;
  char   *name;
} TractionNamed;

void           traction_named_free            (TractionNamed *item);
/* table: "founders", "products" or "loss_reasons". GPtrArray of TractionNamed. */
GPtrArray     *traction_store_list_named      (TractionStore *self,
                                               const char    *table);
gboolean       traction_store_add_named       (TractionStore *self,
                                               const char    *table,
                                               const char    *name,
                                               gint64        *id_out,
                                               GError       **error);
gboolean       traction_store_rename_named    (TractionStore *self,
                                               const char    *table,
                                               gint64         id,
                                               const char    *name,
                                               GError       **error);
/* Fails with INVALID when still referenced (a loss reason used by a deal). */
gboolean       traction_store_delete_named    (TractionStore *self,
                                               const char    *table,
                                               gint64         id,
                                               GError       **error);

/* ------------------------------------------------------------------ */
/* Today                                                               */
/* ------------------------------------------------------------------ */

typedef struct {
  gint64        deal_id;
  char         *deal;
  char         *account;
  char         *owner;          /* "" when none */
  TractionStage stage;
  gint64        arr_cents;
  int           days_idle;
} TractionStalledDeal;

typedef struct {
  gint64  step_id;
  gint64  deal_id;              /* 0 when the step is on an account */
  char   *action;
  char   *account;
  char   *deal;                 /* "" when none */
  char   *owner;
  GDate   due;
  int     days_overdue;         /* 0 = due today, > 0 overdue */
} TractionFollowUp;

typedef struct {
  gint64            alert_id;
  gint64            account_id;
  char             *account;
  TractionAlertKind kind;
  char             *response;    /* the playbook response */
  char             *owner;       /* founder name, else the playbook's role */
  char             *due_at;      /* UTC ISO 8601 */
  char             *status;      /* "open", "acknowledged" or "resolved" */
  char             *note;        /* what was done ("" none) */
  char             *raised_at;   /* UTC ISO 8601 */
} TractionAlertRow;

typedef struct {
  gint64             contract_id;
  gint64             account_id;
  char              *account;
  GDate              renewal;
  gint64             arr_cents;
  gboolean           has_health;
  TractionHealthBand band;        /* latest health score's band */
  double             score;
  GDate              work_start;  /* renewal - lead days of the segment */
  gboolean           work_late;   /* today is past work_start and nothing done */
} TractionRenewalRow;

typedef struct {
  GPtrArray *stalled;     /* TractionStalledDeal, most idle first */
  GPtrArray *follow_ups;  /* TractionFollowUp, due up to today, oldest first */
  GPtrArray *alerts;      /* TractionAlertRow, open and acknowledged, oldest first */
  GPtrArray *renewals;    /* TractionRenewalRow, renewal within the window, soonest first */
  GPtrArray *reviews_due; /* TractionProviderRow (traction-store-providers.h), longest overdue first */
  GPtrArray *late_milestones; /* TractionLateMilestone (traction-store-partners.h), most days late first */
  int        week_prospects;   /* deals created this week (Monday-based) */
  int        week_meetings;    /* call and meeting touchpoints this week */
  GDate      week_start;
  GPtrArray *stale_assets;    /* TractionAsset (traction-store-demo.h), not reviewed in a month, oldest first */
} TractionToday;

TractionToday *traction_store_load_today      (TractionStore  *self,
                                               const GDate    *today,
                                               GError        **error);
void           traction_today_free            (TractionToday  *today);

/* ------------------------------------------------------------------ */
/* Metrics (shared by `traction-cli metrics` and the app)               */
/* ------------------------------------------------------------------ */

typedef struct {
  GDate                   from, to;         /* [from, to) */
  TractionPipelineSummary pipeline;         /* as of today, quarter = [from, to) */
  double                  probability[TRACTION_N_STAGES];
  TractionRetention       retention;        /* cohort over [from, to) */
  TractionBridge          bridge;
  int                     health_count[TRACTION_N_BANDS]; /* latest score per active client */
  int                     health_unscored;  /* active clients with no score */
  int                     renewals_due;     /* contracts renewing in [today, today + window) */
  gint64                  renewals_arr_cents;
  gint64                  renewals_forecast_cents;
  gint64                  at_risk_arr_cents;/* ARR of clients At risk or Critical */
  gint64                  arr_cents;        /* total ARR just before `to` */
  guint                   active_clients;   /* ARR > 0 just before `to` */
  double                  lead_to_close_days; /* -1 none */
  int                     deals_added;      /* created in [from, to) */
  int                     deals_won;        /* closed won in [from, to) */
  int                     deals_lost;
} TractionMetrics;

/* from/to may be NULL: the current fiscal quarter of today. */
gboolean       traction_store_compute_metrics (TractionStore   *self,
                                               const GDate     *from,
                                               const GDate     *to,
                                               const GDate     *today,
                                               TractionMetrics *out,
                                               GError         **error);

/* ------------------------------------------------------------------ */
/* Import / export                                                     */
/* ------------------------------------------------------------------ */

/* The whole database as one JSON document, deterministic: the same data
 * gives the same bytes. */
char          *traction_store_export_json     (TractionStore  *self,
                                               GError        **error);
/* Into a database with no data of its own (else NOT_EMPTY); all or nothing. */
gboolean       traction_store_import_json     (TractionStore  *self,
                                               const char     *json,
                                               gssize          length,
                                               GError        **error);
/* ARR movements from CSV "client,date,kind,amount"; one transaction; the
 * first bad row fails the whole file with "line N: reason" (INVALID) and
 * nothing is written. n_imported may be NULL. */
gboolean       traction_store_import_movements_csv (TractionStore  *self,
                                                    const char     *data,
                                                    gsize           length,
                                                    guint          *n_imported,
                                                    GError        **error);

/* ------------------------------------------------------------------ */
/* Sample and generated data                                           */
/* ------------------------------------------------------------------ */

/* The deterministic sample company of DESIGN.md, its history ending at
 * today. Into an empty database only (else NOT_EMPTY). */
gboolean       traction_store_load_sample     (TractionStore  *self,
                                               const GDate    *today,
                                               GError        **error);

typedef struct {
  guint   deals;
  guint   clients;
  guint   months;
  guint64 seed;
  guint   movements;  /* 0: as generated; else topped up to this many ARR
                         movements with small usage expansions and
                         contractions (never taking a client below zero) */
} TractionGenerateOptions;

/* Large, seeded data sets for benchmarks; into an empty database only. */
gboolean       traction_store_generate        (TractionStore                 *self,
                                               const TractionGenerateOptions *options,
                                               const GDate                   *today,
                                               GError                       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionToday, traction_today_free)

G_END_DECLS
