/* traction-store-providers.c: providers (DOMAIN.md §4): registry,
 * scorecards, mitigation checklists, coverage matrix and exposure.
 *
 * The rules (overall /40, risk levels, review due, gaps, single points,
 * exposed ARR) come from core/; this file only loads and saves rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-store-private.h"
#include "traction-store-providers.h"

#define REVIEW_COLUMNS \
  "id, provider_id, reviewed_on, reliability, pricing, exclusivity," \
  " integration_maturity, support, regulatory, dependency_risk, relationship," \
  " reliability_note, pricing_note, exclusivity_note, integration_note," \
  " support_note, regulatory_note, dependency_note, relationship_note, action_items"

/* Labels and guides */

const char *
traction_provider_status_to_id (TractionProviderStatus status)
{
  static const char * const ids[] = { "active", "integrating", "evaluating" };

  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (ids), NULL);
  return ids[status];
}

gboolean
traction_provider_status_from_id (const char             *id,
                                  TractionProviderStatus *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < TRACTION_N_PROVIDER_STATUSES; i++)
    if (g_strcmp0 (id, traction_provider_status_to_id (i)) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
traction_provider_status_label (TractionProviderStatus status)
{
  static const char * const labels[] = {
    N_("Active"), N_("Integrating"), N_("Evaluating"),
  };

  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (labels), NULL);
  return _(labels[status]);
}

const char *
traction_provider_dimension_label (TractionProviderDimension dim)
{
  static const char * const labels[] = {
    [TRACTION_DIM_RELIABILITY]  = N_("Reliability"),
    [TRACTION_DIM_PRICING]      = N_("Pricing"),
    [TRACTION_DIM_EXCLUSIVITY]  = N_("Exclusivity"),
    [TRACTION_DIM_INTEGRATION]  = N_("Integration maturity"),
    [TRACTION_DIM_SUPPORT]      = N_("Support responsiveness"),
    [TRACTION_DIM_REGULATORY]   = N_("Regulatory standing"),
    [TRACTION_DIM_DEPENDENCY]   = N_("Dependency risk"),
    [TRACTION_DIM_RELATIONSHIP] = N_("Relationship health"),
  };

  g_return_val_if_fail ((guint) dim < G_N_ELEMENTS (labels), NULL);
  return _(labels[dim]);
}

const char *
traction_provider_dimension_hint (TractionProviderDimension dim)
{
  static const char * const hints[] = {
    [TRACTION_DIM_RELIABILITY]  = N_("Uptime, execution quality"),
    [TRACTION_DIM_PRICING]      = N_("Rate, fee structure, volume discounts"),
    [TRACTION_DIM_EXCLUSIVITY]  = N_("Any restrictions on using other providers"),
    [TRACTION_DIM_INTEGRATION]  = N_("API quality, documentation, sandbox"),
    [TRACTION_DIM_SUPPORT]      = N_("Average response time, escalation path"),
    [TRACTION_DIM_REGULATORY]   = N_("Registration status, compliance"),
    [TRACTION_DIM_DEPENDENCY]   = N_("What happens if they go down or pivot"),
    [TRACTION_DIM_RELATIONSHIP] = N_("Last touchpoint, key contact"),
  };

  g_return_val_if_fail ((guint) dim < G_N_ELEMENTS (hints), NULL);
  return _(hints[dim]);
}

const char *
traction_provider_dimension_guide (TractionProviderDimension dim,
                                   int                       score)
{
  static const char * const guides[][3] = {
    [TRACTION_DIM_RELIABILITY]  = { N_("No incidents; execution you never check"),
                                    N_("Occasional incidents, handled"),
                                    N_("Frequent outages or failed executions") },
    [TRACTION_DIM_PRICING]      = { N_("Competitive rates with volume discounts"),
                                    N_("Market rates, little room to negotiate"),
                                    N_("Expensive, or rising without warning") },
    [TRACTION_DIM_EXCLUSIVITY]  = { N_("None: free to add other providers"),
                                    N_("Soft: conditions or notice to use others"),
                                    N_("Hard: no other provider allowed") },
    [TRACTION_DIM_INTEGRATION]  = { N_("Clean API, good documentation, full sandbox"),
                                    N_("Workable API with gaps in the documentation"),
                                    N_("Manual steps, poor documentation, no sandbox") },
    [TRACTION_DIM_SUPPORT]      = { N_("Answers within hours; named escalation path"),
                                    N_("Answers within a day or two"),
                                    N_("Slow answers and no escalation path") },
    [TRACTION_DIM_REGULATORY]   = { N_("Fully licensed, clean compliance record"),
                                    N_("Licensed, with open questions"),
                                    N_("Licence at risk or under investigation") },
    [TRACTION_DIM_DEPENDENCY]   = { N_("Single point of failure, no alternative"),
                                    N_("Some concerns, a backup could be found"),
                                    N_("Easy to replace, backup in place") },
    [TRACTION_DIM_RELATIONSHIP] = { N_("Regular contact, a champion on their side"),
                                    N_("Cordial, contact only when needed"),
                                    N_("No key contact, or a strained relationship") },
  };
  int index;

  g_return_val_if_fail ((guint) dim < G_N_ELEMENTS (guides), NULL);

  if (score >= 5)
    index = 0;
  else if (score == 3)
    index = 1;
  else if (score <= 1)
    index = 2;
  else
    return NULL;

  return _(guides[dim][index]);
}

int
traction_provider_review_get (const TractionProviderReview *review,
                              TractionProviderDimension     dim)
{
  g_return_val_if_fail (review != NULL, 0);

  switch (dim)
    {
    case TRACTION_DIM_RELIABILITY:  return review->reliability;
    case TRACTION_DIM_PRICING:      return review->pricing;
    case TRACTION_DIM_EXCLUSIVITY:  return traction_exclusivity_score (review->exclusivity);
    case TRACTION_DIM_INTEGRATION:  return review->integration_maturity;
    case TRACTION_DIM_SUPPORT:      return review->support;
    case TRACTION_DIM_REGULATORY:   return review->regulatory;
    case TRACTION_DIM_DEPENDENCY:   return review->dependency_risk;
    case TRACTION_DIM_RELATIONSHIP: return review->relationship;
    case TRACTION_N_DIMENSIONS:
    default:
      g_return_val_if_reached (0);
    }
}

int
traction_provider_review_points (const TractionProviderReview *review,
                                 TractionProviderDimension     dim)
{
  int value = traction_provider_review_get (review, dim);

  return dim == TRACTION_DIM_DEPENDENCY ? 6 - value : value;
}

const char *
traction_exclusivity_label (TractionExclusivity exclusivity)
{
  static const char * const labels[] = { N_("None"), N_("Soft"), N_("Hard") };

  g_return_val_if_fail ((guint) exclusivity < G_N_ELEMENTS (labels), NULL);
  return _(labels[exclusivity]);
}

const char *
traction_exclusivity_to_id (TractionExclusivity exclusivity)
{
  static const char * const ids[] = { "none", "soft", "hard" };

  g_return_val_if_fail ((guint) exclusivity < G_N_ELEMENTS (ids), NULL);
  return ids[exclusivity];
}

gboolean
traction_exclusivity_from_id (const char          *id,
                              TractionExclusivity *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = TRACTION_EXCLUSIVITY_NONE; i <= TRACTION_EXCLUSIVITY_HARD; i++)
    if (g_strcmp0 (id, traction_exclusivity_to_id (i)) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/* Freeing */

void
traction_provider_row_free (TractionProviderRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->contact);
  g_free (row->notes);
  g_free (row);
}

void
traction_provider_review_row_free (TractionProviderReviewRow *row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < TRACTION_N_DIMENSIONS; i++)
    g_free (row->notes[i]);
  g_free (row->action_items);
  g_free (row);
}

TractionProviderReviewRow *
traction_provider_review_row_copy (const TractionProviderReviewRow *row)
{
  TractionProviderReviewRow *copy;

  g_return_val_if_fail (row != NULL, NULL);

  copy = g_memdup2 (row, sizeof *row);
  for (guint i = 0; i < TRACTION_N_DIMENSIONS; i++)
    copy->notes[i] = g_strdup (row->notes[i]);
  copy->action_items = g_strdup (row->action_items);
  return copy;
}

void
traction_mitigation_free (TractionMitigation *item)
{
  if (item == NULL)
    return;
  g_free (item->item);
  g_free (item);
}

void
traction_coverage_row_free (TractionCoverageRow *row)
{
  if (row == NULL)
    return;
  g_free (row->product);
  g_clear_pointer (&row->primary, g_ptr_array_unref);
  g_clear_pointer (&row->backup, g_ptr_array_unref);
  g_free (row);
}

static void
exposed_client_free (gpointer data)
{
  TractionExposedClient *client = data;

  g_free (client->account);
  g_free (client->products);
  g_free (client);
}

void
traction_provider_exposure_free (TractionProviderExposure *exposure)
{
  if (exposure == NULL)
    return;
  g_free (exposure->provider);
  g_clear_pointer (&exposure->products, g_ptr_array_unref);
  g_clear_pointer (&exposure->no_fallback, g_ptr_array_unref);
  g_clear_pointer (&exposure->clients, g_ptr_array_unref);
  g_free (exposure);
}

/* Helpers */

static gboolean
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (stripped[0] == '\0')
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("A provider needs a name."));
      return FALSE;
    }
  return TRUE;
}

/* Providers */

static TractionProviderRow *
provider_from_stmt (sqlite3_stmt        *stmt,
                    const TractionRules *rules,
                    const GDate         *today)
{
  TractionProviderRow *row = g_new0 (TractionProviderRow, 1);
  g_autofree char *status = NULL;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->name = traction_column_text (stmt, 1);
  status = traction_column_text (stmt, 2);
  if (!traction_provider_status_from_id (status, &row->status))
    row->status = TRACTION_PROVIDER_ACTIVE;
  row->contact = traction_column_text (stmt, 3);
  row->notes = traction_column_text (stmt, 4);
  row->n_reviews = (guint) sqlite3_column_int (stmt, 5);
  traction_column_date (stmt, 6, &row->last_review);
  row->mitigations_total = (guint) sqlite3_column_int (stmt, 7);
  row->mitigations_open = (guint) sqlite3_column_int (stmt, 8);

  row->overall = -1;
  row->risk = TRACTION_RISK_LOW;
  row->days_since_review = -1;

  if (g_date_valid (&row->last_review) && sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    {
      TractionProviderReview review;
      g_autofree char *exclusivity = traction_column_text (stmt, 10);

      review.reliability = sqlite3_column_int (stmt, 9);
      if (!traction_exclusivity_from_id (exclusivity, &review.exclusivity))
        review.exclusivity = TRACTION_EXCLUSIVITY_HARD;
      review.pricing = sqlite3_column_int (stmt, 11);
      review.integration_maturity = sqlite3_column_int (stmt, 12);
      review.support = sqlite3_column_int (stmt, 13);
      review.regulatory = sqlite3_column_int (stmt, 14);
      review.dependency_risk = sqlite3_column_int (stmt, 15);
      review.relationship = sqlite3_column_int (stmt, 16);
      if (!traction_provider_overall (&review, &row->overall, NULL))
        row->overall = -1;
      if (review.dependency_risk >= 1 && review.dependency_risk <= 5)
        {
          row->dependency_risk = review.dependency_risk;
          row->risk = traction_provider_risk (review.dependency_risk);
        }
      row->days_since_review = traction_date_diff (&row->last_review, today);
    }
  else
    g_date_clear (&row->last_review, 1);

  row->review_due = traction_provider_review_due (&row->last_review, rules, today);

  return row;
}

/* The latest review of each provider is the one with the latest date, the
 * highest id breaking ties. */
#define PROVIDER_SELECT \
  "SELECT p.id, p.name, p.status, p.contact, p.notes," \
  " (SELECT count (*) FROM provider_reviews r WHERE r.provider_id = p.id)," \
  " l.reviewed_on," \
  " (SELECT count (*) FROM provider_mitigations m WHERE m.provider_id = p.id)," \
  " (SELECT count (*) FROM provider_mitigations m WHERE m.provider_id = p.id AND m.done_on IS NULL)," \
  " l.reliability, l.exclusivity, l.pricing, l.integration_maturity, l.support," \
  " l.regulatory, l.dependency_risk, l.relationship" \
  " FROM providers p" \
  " LEFT JOIN provider_reviews l ON l.id = (SELECT r.id FROM provider_reviews r" \
  "   WHERE r.provider_id = p.id ORDER BY r.reviewed_on DESC, r.id DESC LIMIT 1)"

static GPtrArray *
load_providers (TractionStore  *self,
                gint64          id,
                const GDate    *today,
                GError        **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  TractionRules rules;
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 PROVIDER_SELECT
                                 " WHERE ?1 = 0 OR p.id = ?1"
                                 " ORDER BY p.name COLLATE NOCASE, p.id",
                                 error);
  if (stmt == NULL)
    return NULL;

  traction_store_get_rules (self, &rules);
  sqlite3_bind_int64 (stmt, 1, id);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_provider_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, provider_from_stmt (stmt, &rules, today));
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the providers"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&rows);
}

GPtrArray *
traction_store_list_providers (TractionStore  *self,
                               const GDate    *today,
                               GError        **error)
{
  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_providers (self, 0, today, error);
}

TractionProviderRow *
traction_store_get_provider (TractionStore  *self,
                             gint64          id,
                             const GDate    *today,
                             GError        **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (id > 0, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = load_providers (self, id, today, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND,
                   _("The provider no longer exists."));
      return NULL;
    }

  return g_ptr_array_steal_index (rows, 0);
}

static int
compare_overdue (gconstpointer a,
                 gconstpointer b)
{
  const TractionProviderRow *pa = *(TractionProviderRow * const *) a;
  const TractionProviderRow *pb = *(TractionProviderRow * const *) b;
  /* Never reviewed first, then the longest since the last review. */
  int da = pa->days_since_review < 0 ? G_MAXINT : pa->days_since_review;
  int db = pb->days_since_review < 0 ? G_MAXINT : pb->days_since_review;

  if (da != db)
    return da > db ? -1 : 1;
  return g_utf8_collate (pa->name, pb->name);
}

GPtrArray *
traction_store_list_reviews_due (TractionStore  *self,
                                 const GDate    *today,
                                 GError        **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) due = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  all = load_providers (self, 0, today, error);
  if (all == NULL)
    return NULL;

  due = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_provider_row_free);
  for (guint i = 0; i < all->len; i++)
    {
      TractionProviderRow *row = g_ptr_array_index (all, i);

      if (row->review_due)
        {
          g_ptr_array_add (due, row);
          all->pdata[i] = NULL;
        }
    }
  g_ptr_array_sort (due, compare_overdue);

  return g_steal_pointer (&due);
}

gboolean
traction_store_add_provider (TractionStore          *self,
                             const char             *name,
                             TractionProviderStatus  status,
                             const char             *contact,
                             gint64                 *id_out,
                             GError                **error)
{
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) status < TRACTION_N_PROVIDER_STATUSES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_name (name, error))
    return FALSE;
  stripped = g_strstrip (g_strdup (name));

  if (!traction_store_begin (self, error))
    return FALSE;

  stmt = traction_store_prepare_write (self,
                                       "INSERT INTO providers (name, status, contact) VALUES (?1, ?2, ?3)",
                                       error);
  if (stmt == NULL)
    return FALSE;
  traction_bind_text (stmt, 1, stripped);
  traction_bind_text (stmt, 2, traction_provider_status_to_id (status));
  traction_bind_text (stmt, 3, contact != NULL ? contact : "");
  if (!traction_store_step_write (self, stmt, _("Could not add the provider"), error))
    return FALSE;
  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (traction_store_get_db (self));

  return traction_store_commit (self, error);
}

gboolean
traction_store_update_provider (TractionStore          *self,
                                gint64                  id,
                                const char             *name,
                                TractionProviderStatus  status,
                                const char             *contact,
                                const char             *notes,
                                GError                **error)
{
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) status < TRACTION_N_PROVIDER_STATUSES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_name (name, error))
    return FALSE;
  stripped = g_strstrip (g_strdup (name));

  if (!traction_store_begin (self, error))
    return FALSE;

  stmt = traction_store_prepare_write (self,
                                       "UPDATE providers SET name = ?2, status = ?3, contact = ?4, notes = ?5"
                                       " WHERE id = ?1",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  traction_bind_text (stmt, 2, stripped);
  traction_bind_text (stmt, 3, traction_provider_status_to_id (status));
  traction_bind_text (stmt, 4, contact != NULL ? contact : "");
  traction_bind_text (stmt, 5, notes != NULL ? notes : "");

  return traction_store_commit_single (self, stmt, _("Could not save the provider"), TRUE, error);
}

/* Reviews */

static TractionProviderReviewRow *
review_from_stmt (sqlite3_stmt *stmt)
{
  TractionProviderReviewRow *row = g_new0 (TractionProviderReviewRow, 1);
  g_autofree char *exclusivity = NULL;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->provider_id = sqlite3_column_int64 (stmt, 1);
  traction_column_date (stmt, 2, &row->reviewed_on);
  row->scores.reliability = sqlite3_column_int (stmt, 3);
  row->scores.pricing = sqlite3_column_int (stmt, 4);
  exclusivity = traction_column_text (stmt, 5);
  if (!traction_exclusivity_from_id (exclusivity, &row->scores.exclusivity))
    row->scores.exclusivity = TRACTION_EXCLUSIVITY_HARD;
  row->scores.integration_maturity = sqlite3_column_int (stmt, 6);
  row->scores.support = sqlite3_column_int (stmt, 7);
  row->scores.regulatory = sqlite3_column_int (stmt, 8);
  row->scores.dependency_risk = sqlite3_column_int (stmt, 9);
  row->scores.relationship = sqlite3_column_int (stmt, 10);
  for (guint i = 0; i < TRACTION_N_DIMENSIONS; i++)
    row->notes[i] = traction_column_text (stmt, 11 + (int) i);
  row->action_items = traction_column_text (stmt, 19);
  if (!traction_provider_overall (&row->scores, &row->overall, NULL))
    row->overall = 0;

  return row;
}

GPtrArray *
traction_store_list_provider_reviews (TractionStore  *self,
                                      gint64          provider_id,
                                      GError        **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = traction_store_prepare (self,
                                 "SELECT " REVIEW_COLUMNS " FROM provider_reviews"
                                 " WHERE provider_id = ?1 ORDER BY reviewed_on, id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, provider_id);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_provider_review_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, review_from_stmt (stmt));
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the providers"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&rows);
}

gboolean
traction_store_add_provider_review (TractionStore                   *self,
                                    const TractionProviderReviewRow *review,
                                    gint64                          *id_out,
                                    GError                         **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!traction_provider_overall (&review->scores, NULL, &local_error))
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }
  if (!g_date_valid (&review->reviewed_on))
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("A review needs the day it was made."));
      return FALSE;
    }

  if (!traction_store_begin (self, error))
    return FALSE;

  stmt = traction_store_prepare_write (self,
                                       "INSERT INTO provider_reviews (" REVIEW_COLUMNS ")"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                                       " ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                                       error);
  if (stmt == NULL)
    return FALSE;
  if (review->id > 0)
    sqlite3_bind_int64 (stmt, 1, review->id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, review->provider_id);
  traction_bind_date (stmt, 3, &review->reviewed_on);
  sqlite3_bind_int (stmt, 4, review->scores.reliability);
  sqlite3_bind_int (stmt, 5, review->scores.pricing);
  traction_bind_text (stmt, 6, traction_exclusivity_to_id (review->scores.exclusivity));
  sqlite3_bind_int (stmt, 7, review->scores.integration_maturity);
  sqlite3_bind_int (stmt, 8, review->scores.support);
  sqlite3_bind_int (stmt, 9, review->scores.regulatory);
  sqlite3_bind_int (stmt, 10, review->scores.dependency_risk);
  sqlite3_bind_int (stmt, 11, review->scores.relationship);
  for (guint i = 0; i < TRACTION_N_DIMENSIONS; i++)
    traction_bind_text (stmt, 12 + (int) i, review->notes[i] != NULL ? review->notes[i] : "");
  traction_bind_text (stmt, 20, review->action_items != NULL ? review->action_items : "");

  if (!traction_store_step_write (self, stmt, _("Could not save the review"), error))
    return FALSE;
  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (traction_store_get_db (self));

  return traction_store_commit (self, error);
}

gboolean
traction_store_delete_provider_review (TractionStore  *self,
                                       gint64          id,
                                       GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = traction_store_begin_prepare (self, "DELETE FROM provider_reviews WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return traction_store_commit_single (self, stmt, _("Could not delete the review"), TRUE, error);
}

/* Mitigations */

GPtrArray *
traction_store_list_mitigations (TractionStore  *self,
                                 gint64          provider_id,
                                 GError        **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = traction_store_prepare (self,
                                 "SELECT id, provider_id, item, done_on, position"
                                 " FROM provider_mitigations WHERE provider_id = ?1"
                                 " ORDER BY position, id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, provider_id);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_mitigation_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionMitigation *item = g_new0 (TractionMitigation, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->provider_id = sqlite3_column_int64 (stmt, 1);
      item->item = traction_column_text (stmt, 2);
      traction_column_date (stmt, 3, &item->done_on);
      item->position = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (rows, item);
    }
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the providers"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&rows);
}

gboolean
traction_store_add_mitigation (TractionStore            *self,
                               const TractionMitigation *item,
                               gint64                   *id_out,
                               GError                  **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = g_strstrip (g_strdup (item->item != NULL ? item->item : ""));
  if (text[0] == '\0')
    {
      g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                   _("A mitigation step needs a description."));
      return FALSE;
    }

  if (!traction_store_begin (self, error))
    return FALSE;

  /* A new item goes last; a restored one back where it was. */
  stmt = traction_store_prepare_write (self,
                                       "INSERT INTO provider_mitigations (id, provider_id, item, done_on, position)"
                                       " VALUES (?1, ?2, ?3, ?4, CASE WHEN ?1 IS NULL THEN"
                                       " (SELECT coalesce (max (position) + 1, 0) FROM provider_mitigations"
                                       "  WHERE provider_id = ?2) ELSE ?5 END)",
                                       error);
  if (stmt == NULL)
    return FALSE;
  if (item->id > 0)
    sqlite3_bind_int64 (stmt, 1, item->id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, item->provider_id);
  traction_bind_text (stmt, 3, text);
  traction_bind_date (stmt, 4, &item->done_on);
  sqlite3_bind_int (stmt, 5, item->position);

  if (!traction_store_step_write (self, stmt, _("Could not add the mitigation step"), error))
    return FALSE;
  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (traction_store_get_db (self));

  return traction_store_commit (self, error);
}

gboolean
traction_store_set_mitigation_done (TractionStore  *self,
                                    gint64          id,
                                    const GDate    *done_on,
                                    GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = traction_store_begin_prepare (self, "UPDATE provider_mitigations SET done_on = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (done_on != NULL)
    traction_bind_date (stmt, 2, done_on);
  else
    sqlite3_bind_null (stmt, 2);

  return traction_store_commit_single (self, stmt, _("Could not save the mitigation step"), TRUE, error);
}

gboolean
traction_store_delete_mitigation (TractionStore  *self,
                                  gint64          id,
                                  GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = traction_store_begin_prepare (self, "DELETE FROM provider_mitigations WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return traction_store_commit_single (self, stmt, _("Could not delete the mitigation step"), TRUE, error);
}

/* Coverage */

gboolean
traction_store_get_coverage_role (TractionStore        *self,
                                  gint64                product_id,
                                  gint64                provider_id,
                                  TractionCoverageRole *role)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  stmt = traction_store_prepare (self,
                                 "SELECT role FROM product_coverage WHERE product_id = ?1 AND provider_id = ?2",
                                 &error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_int64 (stmt, 2, provider_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    found = traction_coverage_role_from_id ((const char *) sqlite3_column_text (stmt, 0), role);
  sqlite3_reset (stmt);

  return found;
}

gboolean
traction_store_set_coverage (TractionStore              *self,
                             gint64                      product_id,
                             gint64                      provider_id,
                             const TractionCoverageRole *role,
                             GError                    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!traction_store_begin (self, error))
    return FALSE;

  if (role == NULL)
    stmt = traction_store_prepare (self,
                                   "DELETE FROM product_coverage WHERE product_id = ?1 AND provider_id = ?2",
                                   error);
  else
    stmt = traction_store_prepare_write (self,
                                         "INSERT INTO product_coverage (product_id, provider_id, role)"
                                         " VALUES (?1, ?2, ?3)"
                                         " ON CONFLICT (product_id, provider_id) DO UPDATE SET role = excluded.role",
                                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_int64 (stmt, 2, provider_id);
  if (role != NULL)
    traction_bind_text (stmt, 3, traction_coverage_role_to_id (*role));

  return traction_store_commit_single (self, stmt, _("Could not save the coverage"), FALSE, error);
}

typedef struct {
  gint64               product;
  gint64               provider;
  TractionCoverageRole role;
  char                *product_name;
  char                *provider_name;
  int                  dependency_risk;  /* of the provider's last review, 0 none */
} LinkRow;

static void
link_row_clear (gpointer data)
{
  LinkRow *row = data;

  g_free (row->product_name);
  g_free (row->provider_name);
}

static GArray *
load_links (TractionStore  *self,
            GError        **error)
{
  g_autoptr(GArray) links = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self,
                                 "SELECT c.product_id, c.provider_id, c.role, pr.name, p.name,"
                                 " coalesce ((SELECT r.dependency_risk FROM provider_reviews r"
                                 "  WHERE r.provider_id = p.id ORDER BY r.reviewed_on DESC, r.id DESC LIMIT 1), 0)"
                                 " FROM product_coverage c"
                                 " JOIN providers p ON p.id = c.provider_id"
                                 " JOIN products pr ON pr.id = c.product_id"
                                 " ORDER BY c.role DESC, p.name COLLATE NOCASE, p.id",
                                 error);
  if (stmt == NULL)
    return NULL;

  links = g_array_new (FALSE, TRUE, sizeof (LinkRow));
  g_array_set_clear_func (links, link_row_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LinkRow row = { 0 };

      row.product = sqlite3_column_int64 (stmt, 0);
      row.provider = sqlite3_column_int64 (stmt, 1);
      if (!traction_coverage_role_from_id ((const char *) sqlite3_column_text (stmt, 2), &row.role))
        row.role = TRACTION_COVERAGE_BACKUP;
      row.product_name = traction_column_text (stmt, 3);
      row.provider_name = traction_column_text (stmt, 4);
      row.dependency_risk = sqlite3_column_int (stmt, 5);
      g_array_append_val (links, row);
    }
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the providers"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&links);
}

static TractionCoverageLink *
core_links (GArray *links)
{
  TractionCoverageLink *out = g_new0 (TractionCoverageLink, MAX (links->len, 1));

  for (guint i = 0; i < links->len; i++)
    {
      const LinkRow *row = &g_array_index (links, LinkRow, i);

      out[i].product = row->product;
      out[i].provider = row->provider;
      out[i].role = row->role;
    }
  return out;
}

typedef struct {
  TractionProductUse use;
  char              *account;
  char              *product;
} UseRow;

static void
use_row_clear (gpointer data)
{
  UseRow *row = data;

  g_free (row->account);
  g_free (row->product);
}

/* Who uses which product, with each client's ARR on today (the sum of its
 * movements up to and including today). */
static GArray *
load_uses (TractionStore  *self,
           const GDate    *today,
           GError        **error)
{
  g_autoptr(GArray) moves = NULL;
  g_autoptr(GArray) uses = NULL;
  sqlite3_stmt *stmt;
  GDate tomorrow = *today;
  int rc;

  moves = traction_store_load_movements (self, error);
  if (moves == NULL)
    return NULL;
  g_date_add_days (&tomorrow, 1);

  stmt = traction_store_prepare (self,
                                 "SELECT ap.account_id, ap.product_id, a.name, p.name"
                                 " FROM account_products ap"
                                 " JOIN accounts a ON a.id = ap.account_id"
                                 " JOIN products p ON p.id = ap.product_id"
                                 " WHERE ap.since_on <= ?1"
                                 " ORDER BY a.name COLLATE NOCASE, a.id, p.position, p.id",
                                 error);
  if (stmt == NULL)
    return NULL;
  traction_bind_date (stmt, 1, today);

  uses = g_array_new (FALSE, TRUE, sizeof (UseRow));
  g_array_set_clear_func (uses, use_row_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      UseRow row = { { 0 } };

      row.use.client = sqlite3_column_int64 (stmt, 0);
      row.use.product = sqlite3_column_int64 (stmt, 1);
      row.use.arr_cents = traction_arr_before ((const TractionMovement *) (gpointer) moves->data,
                                               moves->len, row.use.client, &tomorrow);
      row.account = traction_column_text (stmt, 2);
      row.product = traction_column_text (stmt, 3);
      g_array_append_val (uses, row);
    }
  if (rc != SQLITE_DONE)
    {
      traction_store_read_failed (self, stmt, rc, _("Could not read the providers"), error);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&uses);
}

static TractionProductUse *
core_uses (GArray *uses)
{
  TractionProductUse *out = g_new0 (TractionProductUse, MAX (uses->len, 1));

  for (guint i = 0; i < uses->len; i++)
    out[i] = g_array_index (uses, UseRow, i).use;
  return out;
}

GPtrArray *
traction_store_load_coverage (TractionStore  *self,
                              const GDate    *today,
                              GError        **error)
{
  g_autoptr(GArray) links = NULL;
  g_autoptr(GArray) uses = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree TractionCoverageLink *flat = NULL;
  g_autofree TractionProductUse *flat_uses = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  links = load_links (self, error);
  if (links == NULL)
    return NULL;
  uses = load_uses (self, today, error);
  if (uses == NULL)
    return NULL;
  flat = core_links (links);
  flat_uses = core_uses (uses);

  products = traction_store_list_named (self, "products");
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_coverage_row_free);

  for (guint i = 0; i < products->len; i++)
    {
      const TractionNamed *product = g_ptr_array_index (products, i);
      TractionCoverageRow *row = g_new0 (TractionCoverageRow, 1);

      row->product_id = product->id;
      row->product = g_strdup (product->name);
      row->primary = g_ptr_array_new_with_free_func (g_free);
      row->backup = g_ptr_array_new_with_free_func (g_free);

      for (guint j = 0; j < links->len; j++)
        {
          const LinkRow *link = &g_array_index (links, LinkRow, j);

          if (link->product != product->id)
            continue;
          if (link->role == TRACTION_COVERAGE_PRIMARY)
            {
              g_ptr_array_add (row->primary, g_strdup (link->provider_name));
              if (link->dependency_risk >= 4)
                row->at_risk = TRUE;
            }
          else
            g_ptr_array_add (row->backup, g_strdup (link->provider_name));
        }

      traction_coverage_evaluate (&row->product_id, 1, flat, links->len, &row->status);
      row->arr_cents = traction_coverage_exposed_arr (flat_uses, uses->len,
                                                      &row->product_id, 1, &row->n_clients);
      g_ptr_array_add (rows, row);
    }

  return g_steal_pointer (&rows);
}

static gboolean
array_has (GArray *array,
           gint64  value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == value)
      return TRUE;
  return FALSE;
}

static int
compare_clients (gconstpointer a,
                 gconstpointer b)
{
  const TractionExposedClient *ca = *(TractionExposedClient * const *) a;
  const TractionExposedClient *cb = *(TractionExposedClient * const *) b;

  if (ca->arr_cents != cb->arr_cents)
    return ca->arr_cents > cb->arr_cents ? -1 : 1;
  return g_utf8_collate (ca->account, cb->account);
}

static int
compare_exposure (gconstpointer a,
                  gconstpointer b)
{
  const TractionProviderExposure *ea = *(TractionProviderExposure * const *) a;
  const TractionProviderExposure *eb = *(TractionProviderExposure * const *) b;

  if (ea->dependency_risk != eb->dependency_risk)
    return ea->dependency_risk > eb->dependency_risk ? -1 : 1;
  if (ea->arr_cents != eb->arr_cents)
    return ea->arr_cents > eb->arr_cents ? -1 : 1;
  return g_utf8_collate (ea->provider, eb->provider);
}

static const char *
product_name (GArray *links,
              gint64  product)
{
  for (guint i = 0; i < links->len; i++)
    if (g_array_index (links, LinkRow, i).product == product)
      return g_array_index (links, LinkRow, i).product_name;
  return "";
}

static TractionProviderExposure *
build_exposure (const TractionProviderRow  *provider,
                GArray                     *links,
                const TractionCoverageLink *flat,
                GArray                     *uses,
                const TractionProductUse   *flat_uses)
{
  TractionProviderExposure *exposure = g_new0 (TractionProviderExposure, 1);
  g_autoptr(GArray) products = NULL;
  g_autoptr(GArray) alone = NULL;
  g_autoptr(GHashTable) by_client = g_hash_table_new (g_int64_hash, g_int64_equal);

  exposure->provider_id = provider->id;
  exposure->provider = g_strdup (provider->name);
  exposure->dependency_risk = provider->dependency_risk;
  exposure->risk = provider->risk;
  exposure->products = g_ptr_array_new_with_free_func (g_free);
  exposure->no_fallback = g_ptr_array_new_with_free_func (g_free);
  exposure->clients = g_ptr_array_new_with_free_func (exposed_client_free);

  products = traction_coverage_exposed_products (flat, links->len, provider->id, &alone);
  for (guint i = 0; i < products->len; i++)
    g_ptr_array_add (exposure->products,
                     g_strdup (product_name (links, g_array_index (products, gint64, i))));
  for (guint i = 0; i < alone->len; i++)
    g_ptr_array_add (exposure->no_fallback,
                     g_strdup (product_name (links, g_array_index (alone, gint64, i))));

  exposure->arr_cents = traction_coverage_exposed_arr (flat_uses, uses->len,
                                                       (const gint64 *) (gpointer) products->data,
                                                       products->len, NULL);
  exposure->no_fallback_arr_cents = traction_coverage_exposed_arr (flat_uses, uses->len,
                                                                   (const gint64 *) (gpointer) alone->data,
                                                                   alone->len, NULL);

  for (guint i = 0; i < uses->len; i++)
    {
      const UseRow *use = &g_array_index (uses, UseRow, i);
      TractionExposedClient *client;

      if (use->use.arr_cents <= 0 || !array_has (products, use->use.product))
        continue;

      client = g_hash_table_lookup (by_client, &use->use.client);
      if (client == NULL)
        {
          client = g_new0 (TractionExposedClient, 1);
          client->account_id = use->use.client;
          client->account = g_strdup (use->account);
          client->arr_cents = use->use.arr_cents;
          client->products = g_strdup (use->product);
          g_ptr_array_add (exposure->clients, client);
          g_hash_table_insert (by_client, &client->account_id, client);
        }
      else
        {
          /* Translators: separator between product names */
          char *joined = g_strconcat (client->products, _(", "), use->product, NULL);

          g_free (client->products);
          client->products = joined;
        }
      if (array_has (alone, use->use.product))
        client->no_fallback = TRUE;
    }
  g_ptr_array_sort (exposure->clients, compare_clients);

  return exposure;
}

GPtrArray *
traction_store_load_exposure (TractionStore  *self,
                              gint64          provider_id,
                              const GDate    *today,
                              GError        **error)
{
  g_autoptr(GPtrArray) providers = NULL;
  g_autoptr(GArray) links = NULL;
  g_autoptr(GArray) uses = NULL;
  g_autoptr(GPtrArray) result = NULL;
  g_autofree TractionCoverageLink *flat = NULL;
  g_autofree TractionProductUse *flat_uses = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  providers = load_providers (self, provider_id, today, error);
  if (providers == NULL)
    return NULL;
  links = load_links (self, error);
  if (links == NULL)
    return NULL;
  uses = load_uses (self, today, error);
  if (uses == NULL)
    return NULL;
  flat = core_links (links);
  flat_uses = core_uses (uses);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_provider_exposure_free);
  for (guint i = 0; i < providers->len; i++)
    {
      const TractionProviderRow *provider = g_ptr_array_index (providers, i);

      if (provider_id <= 0 && provider->dependency_risk < 4)
        continue;
      g_ptr_array_add (result, build_exposure (provider, links, flat, uses, flat_uses));
    }
  g_ptr_array_sort (result, compare_exposure);

  return g_steal_pointer (&result);
}
