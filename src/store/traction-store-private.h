/* traction-store-private.h: what the store's own files share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "traction-store.h"

G_BEGIN_DECLS

extern const char * const traction_migrations[];
extern const guint        traction_n_migrations;
/* Every table, parents first, NULL-terminated. */
extern const char * const traction_tables[];

sqlite3  *traction_store_get_db        (TractionStore *self);

/* Sets a TRACTION_STORE_ERROR_INVALID (or _NOT_FOUND) error with message;
 * both always return FALSE, for `return traction_store_invalid (...)`. */
gboolean  traction_store_invalid       (GError     **error,
                                        const char  *message);
gboolean  traction_store_not_found     (GError     **error,
                                        const char  *message);
/* Whether text is NULL or only white space. */
gboolean  traction_text_is_blank       (const char  *text);
/* A copy of text (NULL: "") without leading and trailing white space. */
char     *traction_text_stripped       (const char  *text);

/* Turns the last SQLite error of db (or code rc) into a TRACTION_STORE_ERROR
 * with a message that says what happened and what to do; `what` says what
 * was being done ("Could not save the deal"). Always returns FALSE. */
gboolean  traction_store_set_error     (GError     **error,
                                        sqlite3     *db,
                                        int          rc,
                                        const char  *what);

/* One transaction per user action: begin (BEGIN IMMEDIATE), then commit or
 * rollback. commit emits ::changed. Not nestable. */
gboolean  traction_store_begin         (TractionStore  *self,
                                        GError        **error);
gboolean  traction_store_commit        (TractionStore  *self,
                                        GError        **error);
void      traction_store_rollback      (TractionStore  *self);

/* Prepares sql (cached per store for the life of the connection); the
 * statement comes back reset with its bindings cleared. NULL + error on
 * failure. Do not finalize it. */
sqlite3_stmt *traction_store_prepare   (TractionStore  *self,
                                        const char     *sql,
                                        GError        **error);

/* traction_store_prepare inside the caller's transaction: rolls the
 * transaction back on failure (as traction_store_step_write does). */
sqlite3_stmt *traction_store_prepare_write (TractionStore  *self,
                                            const char     *sql,
                                            GError        **error);

/* Begins a transaction and prepares sql in it; on failure rolls back
 * and returns NULL with error set. */
sqlite3_stmt *traction_store_begin_prepare (TractionStore  *self,
                                            const char     *sql,
                                            GError        **error);

/* Runs statements with no parameters and no result (schema, pragmas). */
gboolean  traction_store_exec          (TractionStore  *self,
                                        const char     *sql,
                                        GError        **error);

/* Resets stmt after a failed read (rc from sqlite3_step) and sets error
 * with `what` ("Could not read the deal"). Always returns FALSE. */
gboolean  traction_store_read_failed   (TractionStore  *self,
                                        sqlite3_stmt   *stmt,
                                        int             rc,
                                        const char     *what,
                                        GError        **error);

/* Steps a statement that returns no row (a write) to SQLITE_DONE and resets
 * it; on failure sets error with `what`. Leaves any transaction alone. */
gboolean  traction_store_step_done     (TractionStore  *self,
                                        sqlite3_stmt   *stmt,
                                        const char     *what,
                                        GError        **error);

/* traction_store_step_done inside the caller's transaction: rolls the
 * transaction back on failure. */
gboolean  traction_store_step_write    (TractionStore  *self,
                                        sqlite3_stmt   *stmt,
                                        const char     *what,
                                        GError        **error);

/* Finishes a write of one statement in its own transaction (the caller has
 * called traction_store_begin and bound stmt): steps it, then commits. With
 * must_change, a statement that changed no row rolls back with NOT_FOUND
 * ("<what>: it no longer exists."). Rolls back on any failure. */
gboolean  traction_store_commit_single (TractionStore  *self,
                                        sqlite3_stmt   *stmt,
                                        const char     *what,
                                        gboolean        must_change,
                                        GError        **error);

/* Binding helpers: NULL text / invalid date bind SQL NULL. */
void      traction_bind_text           (sqlite3_stmt *stmt, int index, const char *text);
void      traction_bind_date           (sqlite3_stmt *stmt, int index, const GDate *date);
/* Column helpers: NULL text gives ""; a NULL or bad date gives a cleared GDate. */
char     *traction_column_text         (sqlite3_stmt *stmt, int index);
void      traction_column_date         (sqlite3_stmt *stmt, int index, GDate *out);

/* "2026-11-22T08:30:00Z" for now (UTC), newly allocated. */
char     *traction_now_timestamp       (void);

/* Writes the default rows of a new database (loss reasons, objections,
 * SPIN question bank, playbooks). Inside the caller's transaction. */
gboolean  traction_store_seed_defaults (TractionStore  *self,
                                        GError        **error);

/* Loads every ARR movement (sorted by client, date) for the revenue rules. */
GArray   *traction_store_load_movements (TractionStore  *self,
                                         GError        **error);

/* traction-store-csv.c: the movements import; commit FALSE checks and
 * rolls back (a dry run). preview (may be NULL) gets the rows as
 * TractionMovementRow (traction-store-revenue.h), in file order. */
gboolean  traction_store_check_movements_csv (TractionStore  *self,
                                              const char     *data,
                                              gsize           length,
                                              gboolean        commit,
                                              GPtrArray      *preview,
                                              guint          *n_imported,
                                              GError        **error);

/* traction-store-today.c: active contracts renewing in [today, today +
 * days), soonest first (TractionRenewalRow, with work_late), the loader
 * Today and the metrics use. */
GPtrArray *traction_store_load_renewals_within (TractionStore        *self,
                                                const TractionRules  *rules,
                                                const GDate          *today,
                                                int                   days,
                                                GError              **error);

/* traction-store-today.c: alerts as TractionAlertRow; account_id 0: the
 * open and acknowledged ones of every client, oldest first; else all of
 * one client's, newest first. */
GPtrArray *traction_store_load_alert_rows (TractionStore  *self,
                                           gint64          account_id,
                                           GError        **error);

G_END_DECLS
