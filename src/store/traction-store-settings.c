/* traction-store-settings.c: settings, rules, named lists and the default
 * rows of a new database.
 *
 * Settings are rows of the `settings` table, one per key, values as text.
 * Every field of TractionRules has a key named after the field; array
 * fields take a suffix ("stage_probability.lead", "health_weight.usage").
 * Integers are written in decimal, doubles in C-locale notation with the
 * fewest digits that read back to the same double. Only values that differ
 * from the defaults of traction_rules_init_defaults () are stored, so a
 * database that was never customised has no rule rows at all and an
 * improved default reaches every founder who kept the old one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "traction-store-private.h"

typedef enum {
  VALUE_INT,
  VALUE_INT64,
  VALUE_DOUBLE,
} ValueType;

/* Fields that are checked against each other by traction_rules_validate ()
 * form a group: stored values are applied a group at a time, so that a
 * group either comes in whole or falls back to the defaults whole. */
typedef enum {
  GROUP_STAGE_PROBABILITY,
  GROUP_STALLED_DAYS,
  GROUP_QUARTERLY_TARGET,
  GROUP_COVERAGE,
  GROUP_RHYTHM_PROSPECTS,
  GROUP_RHYTHM_MEETINGS,
  GROUP_FISCAL_YEAR,
  GROUP_BANT,
  GROUP_NURTURE,
  GROUP_DISCOVERY,
  GROUP_MEDDPICC_DEAL,
  GROUP_MEDDPICC_CYCLE,
  GROUP_PARTNER,
  GROUP_PROVIDER_REVIEW,
  GROUP_HEALTH_WEIGHT,
  GROUP_BANDS,
  GROUP_TREND,
  GROUP_ALERT_VOLUME,
  GROUP_ALERT_NO_CALLS,
  GROUP_ALERT_DARK,
  GROUP_ALERT_NPS,
  GROUP_NRR,
  GROUP_GRR,
  GROUP_EXPANSION_MIX,
  GROUP_RENEWAL_PROBABILITY,
  GROUP_RENEWAL_LEAD,
  GROUP_SEGMENTS,
  GROUP_RENEWAL_WINDOW,
  GROUP_GRADUATION_CS,
  GROUP_GRADUATION_ARR,
  GROUP_ASSET_STALE,
} RuleGroup;

typedef struct {
  const char *key;
  ValueType   type;
  glong       offset;
  RuleGroup   group;
} RuleKey;

typedef struct {
  const char *table;
  const char *list_sql;
  const char *insert_sql;
  const char *rename_sql;
  const char *delete_sql;
  const char *exists_sql;
  /* Rows elsewhere that keep a row from being deleted (NULL: none). */
  const char *usage_sql;
} NamedTable;

#define OFF(field) G_STRUCT_OFFSET (TractionRules, field)

/* Ordered by group: the members of a group are next to each other.
 * stalled_days has keys for the open stages only (a closed deal cannot
 * stall, and traction_rules_validate () ignores the closed stages). */
static const RuleKey rule_keys[] = {
  { "stage_probability.lead", VALUE_DOUBLE, OFF (stage_probability[TRACTION_STAGE_LEAD]), GROUP_STAGE_PROBABILITY },
  { "stage_probability.qualified", VALUE_DOUBLE, OFF (stage_probability[TRACTION_STAGE_QUALIFIED]), GROUP_STAGE_PROBABILITY },
  { "stage_probability.discovery", VALUE_DOUBLE, OFF (stage_probability[TRACTION_STAGE_DISCOVERY]), GROUP_STAGE_PROBABILITY },
  { "stage_probability.proposal", VALUE_DOUBLE, OFF (stage_probability[TRACTION_STAGE_PROPOSAL]), GROUP_STAGE_PROBABILITY },
  { "stage_probability.negotiation", VALUE_DOUBLE, OFF (stage_probability[TRACTION_STAGE_NEGOTIATION]), GROUP_STAGE_PROBABILITY },
  { "stage_probability.won", VALUE_DOUBLE, OFF (stage_probability[TRACTION_STAGE_WON]), GROUP_STAGE_PROBABILITY },
  { "stage_probability.lost", VALUE_DOUBLE, OFF (stage_probability[TRACTION_STAGE_LOST]), GROUP_STAGE_PROBABILITY },
  { "stalled_days.lead", VALUE_INT, OFF (stalled_days[TRACTION_STAGE_LEAD]), GROUP_STALLED_DAYS },
  { "stalled_days.qualified", VALUE_INT, OFF (stalled_days[TRACTION_STAGE_QUALIFIED]), GROUP_STALLED_DAYS },
  { "stalled_days.discovery", VALUE_INT, OFF (stalled_days[TRACTION_STAGE_DISCOVERY]), GROUP_STALLED_DAYS },
  { "stalled_days.proposal", VALUE_INT, OFF (stalled_days[TRACTION_STAGE_PROPOSAL]), GROUP_STALLED_DAYS },
  { "stalled_days.negotiation", VALUE_INT, OFF (stalled_days[TRACTION_STAGE_NEGOTIATION]), GROUP_STALLED_DAYS },
  { "quarterly_target_cents", VALUE_INT64, OFF (quarterly_target_cents), GROUP_QUARTERLY_TARGET },
  { "coverage_needed", VALUE_DOUBLE, OFF (coverage_needed), GROUP_COVERAGE },
  { "rhythm_max_prospects", VALUE_INT, OFF (rhythm_max_prospects), GROUP_RHYTHM_PROSPECTS },
  { "rhythm_max_meetings", VALUE_INT, OFF (rhythm_max_meetings), GROUP_RHYTHM_MEETINGS },
  { "fiscal_year_start_month", VALUE_INT, OFF (fiscal_year_start_month), GROUP_FISCAL_YEAR },
  { "bant_high", VALUE_INT, OFF (bant_high), GROUP_BANT },
  { "bant_medium", VALUE_INT, OFF (bant_medium), GROUP_BANT },
  { "bant_low", VALUE_INT, OFF (bant_low), GROUP_BANT },
  { "nurture_days", VALUE_INT, OFF (nurture_days), GROUP_NURTURE },
  { "discovery_days", VALUE_INT, OFF (discovery_days), GROUP_DISCOVERY },
  { "meddpicc_deal_cents", VALUE_INT64, OFF (meddpicc_deal_cents), GROUP_MEDDPICC_DEAL },
  { "meddpicc_cycle_days", VALUE_INT, OFF (meddpicc_cycle_days), GROUP_MEDDPICC_CYCLE },
  { "partner_qualify", VALUE_INT, OFF (partner_qualify), GROUP_PARTNER },
  { "provider_review_days", VALUE_INT, OFF (provider_review_days), GROUP_PROVIDER_REVIEW },
  { "health_weight.usage", VALUE_INT, OFF (health_weight[TRACTION_HEALTH_USAGE]), GROUP_HEALTH_WEIGHT },
  { "health_weight.support", VALUE_INT, OFF (health_weight[TRACTION_HEALTH_SUPPORT]), GROUP_HEALTH_WEIGHT },
  { "health_weight.satisfaction", VALUE_INT, OFF (health_weight[TRACTION_HEALTH_SATISFACTION]), GROUP_HEALTH_WEIGHT },
  { "health_weight.expansion", VALUE_INT, OFF (health_weight[TRACTION_HEALTH_EXPANSION]), GROUP_HEALTH_WEIGHT },
  { "band_healthy", VALUE_INT, OFF (band_healthy), GROUP_BANDS },
  { "band_monitor", VALUE_INT, OFF (band_monitor), GROUP_BANDS },
  { "band_at_risk", VALUE_INT, OFF (band_at_risk), GROUP_BANDS },
  { "trend_delta", VALUE_DOUBLE, OFF (trend_delta), GROUP_TREND },
  { "alert_volume_drop_pct", VALUE_INT, OFF (alert_volume_drop_pct), GROUP_ALERT_VOLUME },
  { "alert_no_calls_days", VALUE_INT, OFF (alert_no_calls_days), GROUP_ALERT_NO_CALLS },
  { "alert_dark_days", VALUE_INT, OFF (alert_dark_days), GROUP_ALERT_DARK },
  { "alert_nps_below", VALUE_INT, OFF (alert_nps_below), GROUP_ALERT_NPS },
  { "nrr_target", VALUE_DOUBLE, OFF (nrr_target), GROUP_NRR },
  { "grr_target", VALUE_DOUBLE, OFF (grr_target), GROUP_GRR },
  { "expansion_mix_target.cross_sell", VALUE_INT, OFF (expansion_mix_target[0]), GROUP_EXPANSION_MIX },
  { "expansion_mix_target.upsell", VALUE_INT, OFF (expansion_mix_target[1]), GROUP_EXPANSION_MIX },
  { "expansion_mix_target.usage", VALUE_INT, OFF (expansion_mix_target[2]), GROUP_EXPANSION_MIX },
  { "renewal_probability.healthy", VALUE_DOUBLE, OFF (renewal_probability[TRACTION_BAND_HEALTHY]), GROUP_RENEWAL_PROBABILITY },
  { "renewal_probability.monitor", VALUE_DOUBLE, OFF (renewal_probability[TRACTION_BAND_MONITOR]), GROUP_RENEWAL_PROBABILITY },
  { "renewal_probability.at_risk", VALUE_DOUBLE, OFF (renewal_probability[TRACTION_BAND_AT_RISK]), GROUP_RENEWAL_PROBABILITY },
  { "renewal_probability.critical", VALUE_DOUBLE, OFF (renewal_probability[TRACTION_BAND_CRITICAL]), GROUP_RENEWAL_PROBABILITY },
  { "renewal_lead_days.high_touch", VALUE_INT, OFF (renewal_lead_days[TRACTION_SEGMENT_HIGH_TOUCH]), GROUP_RENEWAL_LEAD },
  { "renewal_lead_days.low_touch", VALUE_INT, OFF (renewal_lead_days[TRACTION_SEGMENT_LOW_TOUCH]), GROUP_RENEWAL_LEAD },
  { "renewal_lead_days.tech_touch", VALUE_INT, OFF (renewal_lead_days[TRACTION_SEGMENT_TECH_TOUCH]), GROUP_RENEWAL_LEAD },
  { "segment_high_cents", VALUE_INT64, OFF (segment_high_cents), GROUP_SEGMENTS },
  { "segment_low_cents", VALUE_INT64, OFF (segment_low_cents), GROUP_SEGMENTS },
  { "renewal_window_days", VALUE_INT, OFF (renewal_window_days), GROUP_RENEWAL_WINDOW },
  { "graduation_cs_clients", VALUE_INT, OFF (graduation_cs_clients), GROUP_GRADUATION_CS },
  { "graduation_meddic_cents", VALUE_INT64, OFF (graduation_meddic_cents), GROUP_GRADUATION_ARR },
  { "graduation_meddpicc_cents", VALUE_INT64, OFF (graduation_meddpicc_cents), GROUP_GRADUATION_ARR },
  { "asset_stale_days", VALUE_INT, OFF (asset_stale_days), GROUP_ASSET_STALE },
};

#undef OFF

#define NAMED_SQL(t) \
  "SELECT id, name FROM " t " ORDER BY position, id", \
  "INSERT INTO " t " (name, position) VALUES (?1, (SELECT coalesce (max (position), -1) + 1 FROM " t "))", \
  "UPDATE " t " SET name = ?2 WHERE id = ?1", \
  "DELETE FROM " t " WHERE id = ?1", \
  "SELECT count(*) FROM " t " WHERE id = ?1"

/* Founders are not refused: their deals, accounts and steps keep existing
 * without an owner (ON DELETE SET NULL). A product that clients use or that
 * a qualification recorded would take that history with it, and a loss
 * reason is required by every lost deal that has it. */
static const NamedTable named_tables[] = {
  { "founders", NAMED_SQL ("founders"), NULL },
  { "products", NAMED_SQL ("products"),
    "SELECT (SELECT count(*) FROM account_products WHERE product_id = ?1)"
    " + (SELECT count(*) FROM qualification_products WHERE product_id = ?1)" },
  { "loss_reasons", NAMED_SQL ("loss_reasons"),
    "SELECT count(*) FROM deals WHERE loss_reason_id = ?1" },
};

#undef NAMED_SQL

/* Default rows of a new database: the founder's own language. */

static const char * const default_loss_reasons[] = {
  N_("No budget"),
  N_("Wrong timing"),
  N_("Competitor selected"),
  N_("Built in-house"),
  N_("No decision"),
  N_("Product gap"),
};

/* The six objections of the founder-led sales seed, as written there; the
 * [placeholders] are for the founder to fill in. */
static const struct {
  const char *objection;
  const char *root_concern;
  const char *response;
} default_objections[] = {
  { N_("\"We can build this in-house\""),
    N_("Control, cost perception"),
    N_("Acknowledge their engineering strength. Then: \"Building one integration takes [N] months. [YOUR_COMPANY] gives you [N] products through one API in [N] weeks. Your team can focus on your core product instead of maintaining [infrastructure type].\" Quantify their engineering cost vs. your fees.") },
  { N_("\"We already use [Incumbent Provider]\""),
    N_("Switching cost, risk"),
    N_("\"Great -- they handle [Product A] well. What about [Product B], [Product C], or [Product D]? Most of our clients started with one provider and hit a wall when they needed multi-product. We don't replace your existing setup -- we extend it.\"") },
  { N_("\"Your technology approach seems risky\""),
    N_("Regulatory fear, reputation risk"),
    N_("\"[Technology] is our infrastructure layer, not your customer's experience. Your users see [products] -- not the underlying technology. Every product is backed by [regulatory certification] providers. You get the benefits ([key advantages]) without the baggage.\"") },
  { N_("\"We need to see more traction/clients\""),
    N_("Trust, early-stage risk"),
    /* xgettext:no-c-format */
    N_("Acknowledge: \"Fair concern. Here is what we can offer: a Design Partner program with [X]% discount, dedicated support, and the ability to shape the product. [Reference client] is already live. We are happy to connect you with them as a reference.\"") },
  { N_("\"Your pricing is too high\""),
    N_("Budget, value not yet proven"),
    N_("\"Let's look at the math. Your current setup costs [$X] in provider fees plus [$Y] in engineering time across [N] integrations. [YOUR_COMPANY] consolidates that to one integration at [rate]. What is the total cost of your current multi-provider approach?\"") },
  { N_("\"We need [feature X] you don't have yet\""),
    N_("Product gap"),
    N_("\"Good to know. Is [feature X] a launch blocker or a Phase 2 item? If it is on our roadmap, I can share the timeline. If it is critical for launch, let's discuss whether a Design Partner arrangement makes sense -- you'd shape the feature while getting early access.\"") },
};

/* The SPIN question bank of the seed, phase by phase, in order. */
static const struct {
  const char *phase;
  const char *question;
} default_spin_questions[] = {
  { "situation", N_("What [products/services] do you offer today?") },
  { "situation", N_("Which providers do you integrate with?") },
  { "situation", N_("How many people on your integrations team?") },
  { "problem", N_("What is the biggest bottleneck in adding a new [product/capability]?") },
  { "problem", N_("How long did your last provider integration take?") },
  { "problem", N_("What gaps do your customers complain about most?") },
  { "implication", N_("What does that [N]-month integration delay cost you in lost revenue?") },
  { "implication", N_("If a compliance issue blocks your launch, what happens to the roadmap?") },
  { "implication", N_("How many users have you lost because you only offer [one product]?") },
  { "need_payoff", N_("If you could add [Product A], [Product B], and [Product C] through a single API, what would that unlock for your product?") },
  { "need_payoff", N_("What would it mean for your business if integration took weeks instead of months?") },
};

/* Helpers */

static const RuleKey *
find_rule_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_keys); i++)
    if (g_str_equal (rule_keys[i].key, key))
      return &rule_keys[i];

  return NULL;
}

static const NamedTable *
find_named_table (const char *table)
{
  if (table == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (named_tables); i++)
    if (g_str_equal (named_tables[i].table, table))
      return &named_tables[i];

  return NULL;
}

/* The fewest significant digits (15 to 17) that read back to the same
 * double, in C-locale notation: "0.078" rather than "0.078000000000000003". */
static char *
format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  static const char * const formats[] = { "%.15g", "%.16g" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        return g_strdup (buf);
    }

  return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
}

static char *
format_rule_value (const RuleKey       *key,
                   const TractionRules *rules)
{
  const char *field = (const char *)rules + key->offset;

  g_assert (key != NULL);
  g_assert (rules != NULL);

  if (key->type == VALUE_INT)
    return g_strdup_printf ("%d", *(const int *)(gconstpointer)field);
  else if (key->type == VALUE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, *(const gint64 *)(gconstpointer)field);
  else
    return format_double (*(const double *)(gconstpointer)field);
}

/* Parses text for key into its field of rules. Strict: no blanks, no
 * trailing text, no locale decimal comma, finite doubles only. */
static gboolean
parse_rule_value (const RuleKey  *key,
                  const char     *text,
                  TractionRules  *rules,
                  GError        **error)
{
  char *field = (char *)rules + key->offset;

  g_assert (key != NULL);
  g_assert (text != NULL);

  if (key->type == VALUE_INT || key->type == VALUE_INT64)
    {
      gint64 value;

      if (!g_ascii_string_to_signed (text, 10,
                                     key->type == VALUE_INT ? G_MININT : G_MININT64,
                                     key->type == VALUE_INT ? G_MAXINT : G_MAXINT64,
                                     &value, NULL))
        {
          g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                       _("The setting “%s” must be a whole number, not “%s”."),
                       key->key, text);
          return FALSE;
        }

      if (key->type == VALUE_INT)
        *(int *)(gpointer)field = (int)value;
      else
        *(gint64 *)(gpointer)field = value;
    }
  else
    {
      char *end = NULL;
      double value;

      errno = 0;
      value = text[0] != '\0' && !g_ascii_isspace (text[0]) ? g_ascii_strtod (text, &end) : 0.0;
      if (end == NULL || end == text || *end != '\0' || errno != 0 || !isfinite (value))
        {
          g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                       _("The setting “%s” must be a number such as 0.25, not “%s”."),
                       key->key, text);
          return FALSE;
        }

      *(double *)(gpointer)field = value;
    }

  return TRUE;
}

/* Runs a query whose first row's first column is an integer. */
static gboolean
query_count (TractionStore  *self,
             const char     *sql,
             gint64          id,
             gint64         *out,
             GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = traction_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *out = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return traction_store_set_error (error, traction_store_get_db (self), rc,
                                     _("Could not read the database"));

  return TRUE;
}

static gboolean
write_setting_row (TractionStore  *self,
                   const char     *key,
                   const char     *value,
                   GError        **error)
{
  sqlite3_stmt *stmt;

  if (value == NULL)
    stmt = traction_store_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = traction_store_prepare (self,
                                   "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                                   " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                   error);
  if (stmt == NULL)
    return FALSE;

  traction_bind_text (stmt, 1, key);
  if (value != NULL)
    traction_bind_text (stmt, 2, value);

  return traction_store_step_done (self, stmt, _("Could not save the setting"), error);
}

/* Checks the value of a setting that is not a rule. */
static gboolean
check_plain_setting (const char  *key,
                     const char  *value,
                     GError     **error)
{
  if (g_str_equal (key, "probability_mode"))
    {
      if (!g_str_equal (value, "default") && !g_str_equal (value, "learned"))
        {
          g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                       _("The probability mode must be “default” or “learned”, not “%s”."),
                       value);
          return FALSE;
        }
    }
  else if (g_str_equal (key, "sales_hire_joined"))
    {
      if (!g_str_equal (value, "0") && !g_str_equal (value, "1"))
        {
          g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                       _("“Sales hire joined” must be 0 or 1, not “%s”."), value);
          return FALSE;
        }
    }
  else if (g_str_equal (key, "company_logo_png"))
    {
      static const guchar signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
      g_autofree guchar *png = NULL;
      gsize length = 0;

      if (strlen (value) > (TRACTION_LOGO_MAX_BYTES / 3 + 1) * 4 + 4 ||
          (png = g_base64_decode (value, &length)) == NULL || length < sizeof signature ||
          memcmp (png, signature, sizeof signature) != 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("The logo must be a PNG image of at most %d KB."), TRACTION_LOGO_MAX_BYTES / 1024);

          g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID, message);
          return FALSE;
        }
    }
  else if (g_str_equal (key, "currency"))
    {
      if (strlen (value) != 3 ||
          !g_ascii_isupper (value[0]) || !g_ascii_isupper (value[1]) || !g_ascii_isupper (value[2]))
        {
          g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                       _("The currency must be a three-letter code such as USD or EUR, not “%s”."),
                       value);
          return FALSE;
        }
    }

  return TRUE;
}

static char *
fold_name (const char *name)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized != NULL ? normalized : name, -1);
}

/* The trimmed name, or NULL with INVALID when it is empty or another row
 * of the table (other than except_id) already has it, ignoring case. */
static char *
check_named (TractionStore     *self,
             const NamedTable  *table,
             const char        *name,
             gint64             except_id,
             GError           **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_assert (table != NULL);

  trimmed = g_strstrip (g_strdup (name));
  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                           _("The name cannot be empty."));
      return NULL;
    }

  if (!g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                           _("The name is not valid text."));
      return NULL;
    }

  folded = fold_name (trimmed);
  items = traction_store_list_named (self, table->table);
  for (guint i = 0; i < items->len; i++)
    {
      TractionNamed *item = g_ptr_array_index (items, i);
      g_autofree char *other = NULL;

      if (item->id == except_id)
        continue;

      other = fold_name (item->name);
      if (g_str_equal (other, folded))
        {
          g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                       _("“%s” is already in the list. Choose another name."), item->name);
          return NULL;
        }
    }

  return g_steal_pointer (&trimmed);
}

static gboolean
named_exists (TractionStore     *self,
              const NamedTable  *table,
              gint64             id,
              GError           **error)
{
  gint64 count = 0;

  if (!query_count (self, table->exists_sql, id, &count, error))
    return FALSE;

  if (count == 0)
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_NOT_FOUND,
                           _("This item no longer exists; it may have been deleted."));
      return FALSE;
    }

  return TRUE;
}

/* Settings and rules */

void
traction_store_get_rules (TractionStore *self,
                          TractionRules *rules)
{
  g_autoptr(GError) error = NULL;
  char *stored[G_N_ELEMENTS (rule_keys)] = { NULL, };
  sqlite3_stmt *stmt;
  int rc;

  g_return_if_fail (rules != NULL);

  traction_rules_init_defaults (rules);

  g_return_if_fail (TRACTION_IS_STORE (self));

  stmt = traction_store_prepare (self, "SELECT key, value FROM settings", &error);
  if (stmt == NULL)
    {
      g_warning ("Using the default rules: %s", error->message);
      return;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *)sqlite3_column_text (stmt, 0);
      const RuleKey *rule_key = key != NULL ? find_rule_key (key) : NULL;

      if (rule_key != NULL)
        {
          guint index = (guint)(rule_key - rule_keys);

          g_free (stored[index]);
          stored[index] = traction_column_text (stmt, 1);
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    g_warning ("Using the default rules: %s", sqlite3_errstr (rc));
  else
    {
      guint i = 0;

      /* One group at a time; rules stay valid after each step, so a group
       * that fails validation is the one at fault and keeps its defaults. */
      while (i < G_N_ELEMENTS (rule_keys))
        {
          TractionRules candidate = *rules;
          RuleGroup group = rule_keys[i].group;
          gboolean any = FALSE;
          guint first = i;

          for (; i < G_N_ELEMENTS (rule_keys) && rule_keys[i].group == group; i++)
            {
              g_autoptr(GError) parse_error = NULL;

              if (stored[i] == NULL)
                continue;

              if (parse_rule_value (&rule_keys[i], stored[i], &candidate, &parse_error))
                any = TRUE;
              else
                g_warning ("Ignoring a stored setting, using its default: %s",
                           parse_error->message);
            }

          if (any)
            {
              g_autoptr(GError) invalid = NULL;

              if (traction_rules_validate (&candidate, &invalid))
                *rules = candidate;
              else
                g_warning ("Ignoring the stored setting “%s” (and its group), using the defaults: %s",
                           rule_keys[first].key, invalid->message);
            }
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (rule_keys); i++)
    g_free (stored[i]);
}

gboolean
traction_store_set_rules (TractionStore        *self,
                          const TractionRules  *rules,
                          GError              **error)
{
  g_autoptr(GError) invalid = NULL;
  TractionRules defaults;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!traction_rules_validate (rules, &invalid))
    {
      g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                           invalid->message);
      return FALSE;
    }

  traction_rules_init_defaults (&defaults);

  if (!traction_store_begin (self, error))
    return FALSE;

  /* Values equal to the default are removed, the others written: the same
   * rules always give the same rows. */
  for (guint i = 0; i < G_N_ELEMENTS (rule_keys); i++)
    {
      g_autofree char *value = format_rule_value (&rule_keys[i], rules);
      g_autofree char *default_value = format_rule_value (&rule_keys[i], &defaults);
      const char *row = g_str_equal (value, default_value) ? NULL : value;

      if (!write_setting_row (self, rule_keys[i].key, row, error))
        {
          traction_store_rollback (self);
          return FALSE;
        }
    }

  return traction_store_commit (self, error);
}

char *
traction_store_get_setting (TractionStore *self,
                            const char    *key)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  char *value = NULL;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = traction_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", &error);
  if (stmt == NULL)
    {
      g_warning ("Could not read the setting “%s”: %s", key, error->message);
      return NULL;
    }

  traction_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = traction_column_text (stmt, 0);
  else if (rc != SQLITE_DONE)
    g_warning ("Could not read the setting “%s”: %s", key, sqlite3_errstr (rc));
  sqlite3_reset (stmt);

  return value;
}

/* value NULL removes the setting (back to its default). A rule key's value
 * is checked like traction_store_set_rules () checks it, and stored in its
 * canonical form; "probability_mode", "sales_hire_joined" and "currency"
 * accept only their values; other keys take any text. */
gboolean
traction_store_set_setting (TractionStore  *self,
                           const char     *key,
                           const char     *value,
                           GError        **error)
{
  g_autofree char *canonical = NULL;
  const RuleKey *rule_key;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && key[0] != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rule_key = find_rule_key (key);
  if (value != NULL && rule_key != NULL)
    {
      g_autoptr(GError) invalid = NULL;
      TractionRules rules;

      traction_store_get_rules (self, &rules);
      if (!parse_rule_value (rule_key, value, &rules, error))
        return FALSE;

      if (!traction_rules_validate (&rules, &invalid))
        {
          g_set_error_literal (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                               invalid->message);
          return FALSE;
        }

      canonical = format_rule_value (rule_key, &rules);
    }
  else if (value != NULL)
    {
      if (!check_plain_setting (key, value, error))
        return FALSE;
      canonical = g_strdup (value);
    }

  if (!traction_store_begin (self, error))
    return FALSE;

  if (!write_setting_row (self, key, canonical, error))
    {
      traction_store_rollback (self);
      return FALSE;
    }

  return traction_store_commit (self, error);
}

char *
traction_store_get_company_name (TractionStore *self)
{
  char *name;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);

  name = traction_store_get_setting (self, "company_name");
  return name != NULL ? name : g_strdup ("");
}

char *
traction_store_get_currency (TractionStore *self)
{
  g_autofree char *currency = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);

  currency = traction_store_get_setting (self, "currency");
  if (currency == NULL || !check_plain_setting ("currency", currency, NULL))
    return g_strdup ("USD");

  return g_steal_pointer (&currency);
}

GBytes *
traction_store_get_logo (TractionStore *self)
{
  g_autofree char *text = NULL;
  guchar *png;
  gsize length = 0;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);

  text = traction_store_get_setting (self, "company_logo_png");
  if (text == NULL || !check_plain_setting ("company_logo_png", text, NULL))
    return NULL;
  png = g_base64_decode (text, &length);
  return g_bytes_new_take (png, length);
}

gboolean
traction_store_set_logo (TractionStore  *self,
                         GBytes         *png,
                         GError        **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;
  gconstpointer data;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  if (png != NULL)
    {
      data = g_bytes_get_data (png, &length);
      if (length > TRACTION_LOGO_MAX_BYTES)
        {
          g_autofree char *message =
            g_strdup_printf (_("The logo must be a PNG image of at most %d KB."), TRACTION_LOGO_MAX_BYTES / 1024);

          return traction_store_invalid (error, message);
        }
      text = g_base64_encode (data, length);
    }
  return traction_store_set_setting (self, "company_logo_png", text, error);
}

gboolean
traction_store_is_empty (TractionStore *self)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean empty = FALSE;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);

  stmt = traction_store_prepare (self,
                                 "SELECT NOT (EXISTS (SELECT 1 FROM accounts)"
                                 " OR EXISTS (SELECT 1 FROM deals)"
                                 " OR EXISTS (SELECT 1 FROM providers)"
                                 " OR EXISTS (SELECT 1 FROM founders)"
                                 " OR EXISTS (SELECT 1 FROM products))",
                                 &error);
  if (stmt == NULL)
    {
      g_warning ("Could not tell whether the database is empty: %s", error->message);
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    empty = sqlite3_column_int (stmt, 0) != 0;
  else
    g_warning ("Could not tell whether the database is empty: %s", sqlite3_errstr (rc));
  sqlite3_reset (stmt);

  return empty;
}

/* Named lists */

void
traction_named_free (TractionNamed *item)
{
  if (item == NULL)
    return;

  g_free (item->name);
  g_free (item);
}

GPtrArray *
traction_store_list_named (TractionStore *self,
                           const char    *table)
{
  g_autoptr(GError) error = NULL;
  const NamedTable *named = find_named_table (table);
  GPtrArray *items;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (named != NULL, NULL);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify)traction_named_free);

  stmt = traction_store_prepare (self, named->list_sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Could not read the list of %s: %s", table, error->message);
      return items;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionNamed *item = g_new0 (TractionNamed, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->name = traction_column_text (stmt, 1);
      g_ptr_array_add (items, item);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    g_warning ("Could not read the list of %s: %s", table, sqlite3_errstr (rc));

  return items;
}

gboolean
traction_store_add_named (TractionStore  *self,
                          const char     *table,
                          const char     *name,
                          gint64         *id_out,
                          GError        **error)
{
  const NamedTable *named = find_named_table (table);
  g_autofree char *checked = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (named != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  checked = check_named (self, named, name, -1, error);
  if (checked == NULL)
    return FALSE;

  if (!traction_store_begin (self, error))
    return FALSE;

  stmt = traction_store_prepare_write (self, named->insert_sql, error);
  if (stmt == NULL)
    return FALSE;

  traction_bind_text (stmt, 1, checked);
  if (!traction_store_step_write (self, stmt, _("Could not add to the list"), error))
    return FALSE;

  if (id_out != NULL)
    *id_out = sqlite3_last_insert_rowid (traction_store_get_db (self));

  return traction_store_commit (self, error);
}

gboolean
traction_store_rename_named (TractionStore  *self,
                             const char     *table,
                             gint64          id,
                             const char     *name,
                             GError        **error)
{
  const NamedTable *named = find_named_table (table);
  g_autofree char *checked = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (named != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!named_exists (self, named, id, error))
    return FALSE;

  checked = check_named (self, named, name, id, error);
  if (checked == NULL)
    return FALSE;

  if (!traction_store_begin (self, error))
    return FALSE;

  stmt = traction_store_prepare_write (self, named->rename_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  traction_bind_text (stmt, 2, checked);
  if (!traction_store_step_write (self, stmt, _("Could not rename"), error))
    return FALSE;

  return traction_store_commit (self, error);
}

gboolean
traction_store_delete_named (TractionStore  *self,
                             const char     *table,
                             gint64          id,
                             GError        **error)
{
  const NamedTable *named = find_named_table (table);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (named != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!named_exists (self, named, id, error))
    return FALSE;

  if (named->usage_sql != NULL)
    {
      gint64 uses = 0;

      if (!query_count (self, named->usage_sql, id, &uses, error))
        return FALSE;

      if (uses > 0)
        {
          gulong n = (gulong)MIN (uses, G_MAXINT);

          if (g_str_equal (named->table, "loss_reasons"))
            g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "This loss reason is used by %lu deal; give it another reason first, or rename this one instead.",
                                      "This loss reason is used by %lu deals; give them another reason first, or rename this one instead.",
                                      n),
                         n);
          else
            g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_INVALID,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "This product is used by %lu client or qualification; remove it from there first, or rename it instead.",
                                      "This product is used by %lu clients or qualifications; remove it from there first, or rename it instead.",
                                      n),
                         n);
          return FALSE;
        }
    }

  if (!traction_store_begin (self, error))
    return FALSE;

  stmt = traction_store_prepare_write (self, named->delete_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!traction_store_step_write (self, stmt, _("Could not delete"), error))
    return FALSE;

  return traction_store_commit (self, error);
}

/* Default rows */

gboolean
traction_store_seed_defaults (TractionStore  *self,
                              GError        **error)
{
  sqlite3_stmt *stmt;
  const char *what = _("Could not write the default lists");

  g_return_val_if_fail (TRACTION_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (default_loss_reasons); i++)
    {
      stmt = traction_store_prepare (self,
                                     "INSERT INTO loss_reasons (name, position) VALUES (?1, ?2)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      traction_bind_text (stmt, 1, _(default_loss_reasons[i]));
      sqlite3_bind_int (stmt, 2, (int)i);
      if (!traction_store_step_done (self, stmt, what, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (default_objections); i++)
    {
      stmt = traction_store_prepare (self,
                                     "INSERT INTO objections (objection, root_concern, response, position)"
                                     " VALUES (?1, ?2, ?3, ?4)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      traction_bind_text (stmt, 1, _(default_objections[i].objection));
      traction_bind_text (stmt, 2, _(default_objections[i].root_concern));
      traction_bind_text (stmt, 3, _(default_objections[i].response));
      sqlite3_bind_int (stmt, 4, (int)i);
      if (!traction_store_step_done (self, stmt, what, error))
        return FALSE;
    }

  /* Positions count within each phase. */
  for (guint i = 0, position = 0; i < G_N_ELEMENTS (default_spin_questions); i++)
    {
      if (i > 0 && !g_str_equal (default_spin_questions[i].phase, default_spin_questions[i - 1].phase))
        position = 0;

      stmt = traction_store_prepare (self,
                                     "INSERT INTO spin_questions (phase, question, position)"
                                     " VALUES (?1, ?2, ?3)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      traction_bind_text (stmt, 1, default_spin_questions[i].phase);
      traction_bind_text (stmt, 2, _(default_spin_questions[i].question));
      sqlite3_bind_int (stmt, 3, (int)position++);
      if (!traction_store_step_done (self, stmt, what, error))
        return FALSE;
    }

  for (guint i = 0; i < TRACTION_N_ALERT_KINDS; i++)
    {
      TractionAlertKind kind = (TractionAlertKind)i;

      stmt = traction_store_prepare (self,
                                     "INSERT INTO playbooks (kind, response, owner_role, due_hours)"
                                     " VALUES (?1, ?2, ?3, ?4)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      traction_bind_text (stmt, 1, traction_alert_kind_to_id (kind));
      traction_bind_text (stmt, 2, traction_alert_response (kind));
      traction_bind_text (stmt, 3, traction_alert_owner_role (kind));
      sqlite3_bind_int (stmt, 4, traction_alert_due_hours (kind));
      if (!traction_store_step_done (self, stmt, what, error))
        return FALSE;
    }

  return TRUE;
}

/* ARR movements */

GArray *
traction_store_load_movements (TractionStore  *self,
                               GError        **error)
{
  g_autoptr(GArray) moves = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRACTION_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = traction_store_prepare (self,
                                 "SELECT id, account_id, moved_on, kind, amount_cents"
                                 " FROM arr_movements ORDER BY account_id, moved_on, id",
                                 error);
  if (stmt == NULL)
    return NULL;

  moves = g_array_new (FALSE, TRUE, sizeof (TractionMovement));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TractionMovement move;
      const char *kind = (const char *)sqlite3_column_text (stmt, 3);

      move.client = sqlite3_column_int64 (stmt, 1);
      traction_column_date (stmt, 2, &move.date);
      move.amount_cents = sqlite3_column_int64 (stmt, 4);

      if (!g_date_valid (&move.date) || kind == NULL ||
          !traction_move_kind_from_id (kind, &move.kind) || move.amount_cents <= 0)
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)sqlite3_column_int64 (stmt, 0));

          g_set_error (error, TRACTION_STORE_ERROR, TRACTION_STORE_ERROR_CORRUPT,
                       _("The ARR movement %s has a bad date, kind or amount. Restore a backup, or export the data and correct it."),
                       id_text);
          sqlite3_reset (stmt);
          return NULL;
        }

      g_array_append_val (moves, move);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      traction_store_set_error (error, traction_store_get_db (self), rc,
                                _("Could not read the ARR movements"));
      return NULL;
    }

  return g_steal_pointer (&moves);
}
