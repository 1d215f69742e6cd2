/* traction-store-providers.h: providers (DOMAIN.md §4): the registry,
 * quarterly scorecards, mitigation checklists, the coverage matrix and the
 * clients exposed when a provider fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "traction-store.h"

G_BEGIN_DECLS

typedef enum {
  TRACTION_PROVIDER_ACTIVE,
  TRACTION_PROVIDER_INTEGRATING,
  TRACTION_PROVIDER_EVALUATING,
  TRACTION_N_PROVIDER_STATUSES
} TractionProviderStatus;

const char *traction_provider_status_to_id   (TractionProviderStatus status);
gboolean    traction_provider_status_from_id (const char *id, TractionProviderStatus *out);
const char *traction_provider_status_label   (TractionProviderStatus status);

/* The eight dimensions in the order of the scorecard. */
typedef enum {
  TRACTION_DIM_RELIABILITY,
  TRACTION_DIM_PRICING,
  TRACTION_DIM_EXCLUSIVITY,
  TRACTION_DIM_INTEGRATION,
  TRACTION_DIM_SUPPORT,
  TRACTION_DIM_REGULATORY,
  TRACTION_DIM_DEPENDENCY,
  TRACTION_DIM_RELATIONSHIP,
  TRACTION_N_DIMENSIONS
} TractionProviderDimension;

const char *traction_provider_dimension_label (TractionProviderDimension dim);
/* What the dimension asks, e.g. "Uptime, execution quality". */
const char *traction_provider_dimension_hint  (TractionProviderDimension dim);
/* Guide text for a score of 5, 3 or 1 (2 and 4 lie between). */
const char *traction_provider_dimension_guide (TractionProviderDimension dim,
                                               int                       score);
/* The raw 1..5 answer of a dimension (exclusivity: its 5/3/1 score). */
int         traction_provider_review_get      (const TractionProviderReview *review,
                                               TractionProviderDimension     dim);
/* Points the dimension adds to the overall /40 (dependency risk inverted). */
int         traction_provider_review_points   (const TractionProviderReview *review,
                                               TractionProviderDimension     dim);
const char *traction_exclusivity_label        (TractionExclusivity exclusivity);
const char *traction_exclusivity_to_id        (TractionExclusivity exclusivity);
gboolean    traction_exclusivity_from_id      (const char *id, TractionExclusivity *out);

typedef struct {
  gint64                 id;
  char                  *name;
  TractionProviderStatus status;
  char                  *contact;
  char                  *notes;
  guint                  n_reviews;
  GDate                  last_review;     /* invalid: never reviewed */
  int                    overall;         /* of the last review; -1 none */
  int                    dependency_risk; /* of the last review; 0 none */
  TractionRiskLevel      risk;            /* LOW when never reviewed */
  gboolean               review_due;      /* no review, or the last one >= review days ago */
  int                    days_since_review; /* -1 never */
  guint                  mitigations_open;
  guint                  mitigations_total;
} TractionProviderRow;

typedef struct {
  gint64                 id;
  gint64                 provider_id;
  GDate                  reviewed_on;
  TractionProviderReview scores;
  char                  *notes[TRACTION_N_DIMENSIONS];  /* pricing: rate and fees; exclusivity: terms */
  char                  *action_items;
  int                    overall;
} TractionProviderReviewRow;

typedef struct {
  gint64  id;
  gint64  provider_id;
  char   *item;
  GDate   done_on;       /* invalid: open */
  int     position;
} TractionMitigation;

typedef struct {
  gint64                 product_id;
  char                  *product;
  GPtrArray             *primary;    /* provider names (char *) */
  GPtrArray             *backup;
  TractionCoverageStatus status;
  gboolean               at_risk;    /* a primary's dependency risk is 4-5 */
  guint                  n_clients;  /* paying clients using the product */
  gint64                 arr_cents;  /* their ARR */
} TractionCoverageRow;

typedef struct {
  gint64  account_id;
  char   *account;
  gint64  arr_cents;
  char   *products;        /* the exposed products it uses, ", "-joined */
  gboolean no_fallback;    /* uses a product nothing else covers */
} TractionExposedClient;

typedef struct {
  gint64             provider_id;
  char              *provider;
  int                dependency_risk;
  TractionRiskLevel  risk;
  GPtrArray         *products;     /* names of products it is a primary of */
  GPtrArray         *no_fallback;  /* names of those nothing else covers */
  GPtrArray         *clients;      /* TractionExposedClient, largest ARR first */
  gint64             arr_cents;    /* ARR of the clients using its products */
  gint64             no_fallback_arr_cents;
} TractionProviderExposure;

void        traction_provider_row_free        (TractionProviderRow       *row);
void        traction_provider_review_row_free (TractionProviderReviewRow *row);
TractionProviderReviewRow *traction_provider_review_row_copy (const TractionProviderReviewRow *row);
void        traction_mitigation_free          (TractionMitigation        *item);
void        traction_coverage_row_free        (TractionCoverageRow       *row);
void        traction_provider_exposure_free   (TractionProviderExposure  *exposure);

/* Every provider, by name. */
GPtrArray  *traction_store_list_providers     (TractionStore  *self,
                                               const GDate    *today,
                                               GError        **error);
TractionProviderRow *traction_store_get_provider (TractionStore  *self,
                                                  gint64          id,
                                                  const GDate    *today,
                                                  GError        **error);
/* Providers whose review is due (never reviewed, or >= review days ago),
 * longest overdue first: what Today flags. */
GPtrArray  *traction_store_list_reviews_due   (TractionStore  *self,
                                               const GDate    *today,
                                               GError        **error);
gboolean    traction_store_add_provider       (TractionStore          *self,
                                               const char             *name,
                                               TractionProviderStatus  status,
                                               const char             *contact,
                                               gint64                 *id_out,
                                               GError                **error);
gboolean    traction_store_update_provider    (TractionStore          *self,
                                               gint64                  id,
                                               const char             *name,
                                               TractionProviderStatus  status,
                                               const char             *contact,
                                               const char             *notes,
                                               GError                **error);

/* Every review of the provider, oldest first. */
GPtrArray  *traction_store_list_provider_reviews (TractionStore  *self,
                                                  gint64          provider_id,
                                                  GError        **error);
/* Saves review (scores checked first); review->id > 0 puts it back with
 * that id (undo of a delete). */
gboolean    traction_store_add_provider_review   (TractionStore                   *self,
                                                  const TractionProviderReviewRow *review,
                                                  gint64                          *id_out,
                                                  GError                         **error);
gboolean    traction_store_delete_provider_review (TractionStore  *self,
                                                   gint64          id,
                                                   GError        **error);

/* The mitigation checklist of a provider, in order. */
GPtrArray  *traction_store_list_mitigations   (TractionStore  *self,
                                               gint64          provider_id,
                                               GError        **error);
/* item->id > 0 puts a deleted item back with its id and position. */
gboolean    traction_store_add_mitigation     (TractionStore            *self,
                                               const TractionMitigation *item,
                                               gint64                   *id_out,
                                               GError                  **error);
/* done_on: invalid or NULL reopens the item. */
gboolean    traction_store_set_mitigation_done (TractionStore  *self,
                                                gint64          id,
                                                const GDate    *done_on,
                                                GError        **error);
gboolean    traction_store_delete_mitigation  (TractionStore  *self,
                                               gint64          id,
                                               GError        **error);

/* The role of provider for product, or FALSE when it does not cover it. */
gboolean    traction_store_get_coverage_role  (TractionStore        *self,
                                               gint64                product_id,
                                               gint64                provider_id,
                                               TractionCoverageRole *role);
/* role NULL removes the link. */
gboolean    traction_store_set_coverage       (TractionStore              *self,
                                               gint64                      product_id,
                                               gint64                      provider_id,
                                               const TractionCoverageRole *role,
                                               GError                    **error);
/* One row per product, in the products' order. */
GPtrArray  *traction_store_load_coverage      (TractionStore  *self,
                                               const GDate    *today,
                                               GError        **error);
/* provider_id > 0: that provider only (whatever its risk); else every
 * provider whose last dependency risk is 4-5, highest risk first.
 * ARR is each client's ARR on today. */
GPtrArray  *traction_store_load_exposure      (TractionStore  *self,
                                               gint64          provider_id,
                                               const GDate    *today,
                                               GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionProviderRow, traction_provider_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionProviderReviewRow, traction_provider_review_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TractionMitigation, traction_mitigation_free)

G_END_DECLS
