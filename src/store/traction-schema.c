/* traction-schema.c: the database schema as forward-only migrations.
 *
 * Migration N brings a database from user_version N-1 to N. Each runs in
 * one transaction together with the user_version bump. Never edit a
 * migration that has shipped: add a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "traction-store-private.h"

/* Version 1: the whole of DOMAIN.md. */
static const char migration_1[] =
  /* §8 company settings: one row per key; values as text, parsed by the
   * store with the defaults of traction_rules_init_defaults (). */
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") STRICT;"

  "CREATE TABLE founders ("
  "  id       INTEGER PRIMARY KEY,"
  "  name     TEXT NOT NULL CHECK (length(name) > 0),"
  "  role     TEXT NOT NULL DEFAULT '',"
  "  email    TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"

  "CREATE TABLE products ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL UNIQUE CHECK (length(name) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  position    INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"

  "CREATE TABLE loss_reasons ("
  "  id       INTEGER PRIMARY KEY,"
  "  name     TEXT NOT NULL UNIQUE CHECK (length(name) > 0),"
  "  position INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"

  /* Accounts: prospects and clients alike. A client is an account with
   * ARR movements or a contract; that is derived, not stored. */
  "CREATE TABLE accounts ("
  "  id                INTEGER PRIMARY KEY,"
  "  name              TEXT NOT NULL CHECK (length(name) > 0),"
  "  domain            TEXT NOT NULL DEFAULT '',"
  "  icp_tier          INTEGER CHECK (icp_tier BETWEEN 1 AND 3),"
  "  geography         TEXT NOT NULL DEFAULT '',"
  "  size              TEXT NOT NULL DEFAULT '',"
  "  current_providers TEXT NOT NULL DEFAULT '',"
  "  owner_id          INTEGER REFERENCES founders (id) ON DELETE SET NULL,"
  "  notes             TEXT NOT NULL DEFAULT '',"
  "  created_on        TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX accounts_name ON accounts (name);"

  "CREATE TABLE contacts ("
  "  id         INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  name       TEXT NOT NULL CHECK (length(name) > 0),"
  "  title      TEXT NOT NULL DEFAULT '',"
  "  email      TEXT NOT NULL DEFAULT '',"
  "  phone      TEXT NOT NULL DEFAULT '',"
  "  role       TEXT NOT NULL DEFAULT '' CHECK (role IN ('', 'champion',"
  "             'economic_buyer', 'user', 'technical', 'procurement', 'legal',"
  "             'influencer', 'blocker')),"
  "  notes      TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX contacts_account ON contacts (account_id);"

  /* §1 Pipeline */
  "CREATE TABLE deals ("
  "  id             INTEGER PRIMARY KEY,"
  "  account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  name           TEXT NOT NULL CHECK (length(name) > 0),"
  "  stage          TEXT NOT NULL CHECK (stage IN ('lead', 'qualified',"
  "                 'discovery', 'proposal', 'negotiation', 'won', 'lost')),"
  "  arr_cents      INTEGER NOT NULL DEFAULT 0 CHECK (arr_cents >= 0),"
  "  owner_id       INTEGER REFERENCES founders (id) ON DELETE SET NULL,"
  "  source         TEXT NOT NULL DEFAULT 'inbound' CHECK (source IN"
  "                 ('founder_network', 'provider_referral', 'inbound',"
  "                 'conference', 'warm_intro')),"
  "  introduced_by  TEXT NOT NULL DEFAULT '',"
  "  created_on     TEXT NOT NULL,"
  "  expected_close TEXT,"
  "  closed_on      TEXT,"
  "  loss_reason_id INTEGER REFERENCES loss_reasons (id) ON DELETE RESTRICT,"
  "  win_reason     TEXT NOT NULL DEFAULT '',"
  "  close_note     TEXT NOT NULL DEFAULT '',"
  "  paused_reason  TEXT,"
  "  paused_until   TEXT,"
  "  notes          TEXT NOT NULL DEFAULT '',"
  "  CHECK (stage <> 'lost' OR loss_reason_id IS NOT NULL)"
  ") STRICT;"
  "CREATE INDEX deals_account ON deals (account_id);"
  "CREATE INDEX deals_stage ON deals (stage);"

  /* Every stage a deal entered, with when and why; from_stage is NULL for
   * the deal's creation. Time in stage is derived from this. */
  "CREATE TABLE stage_changes ("
  "  id         INTEGER PRIMARY KEY,"
  "  deal_id    INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,"
  "  from_stage TEXT,"
  "  to_stage   TEXT NOT NULL,"
  "  changed_at TEXT NOT NULL,"
  "  reason     TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX stage_changes_deal ON stage_changes (deal_id, changed_at);"

  /* Exit-criteria checklist of the stages (item = index into the stage's
   * criteria list of traction_stage_exit_criteria). */
  "CREATE TABLE deal_checklist ("
  "  deal_id INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,"
  "  stage   TEXT NOT NULL,"
  "  item    INTEGER NOT NULL,"
  "  done_on TEXT NOT NULL,"
  "  PRIMARY KEY (deal_id, stage, item)"
  ") STRICT;"

  /* Touchpoints belong to an account and, when they are about one, to a deal. */
  "CREATE TABLE touchpoints ("
  "  id         INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  deal_id    INTEGER REFERENCES deals (id) ON DELETE CASCADE,"
  "  contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,"
  "  kind       TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'email', 'note')),"
  "  happened_on TEXT NOT NULL,"
  "  summary    TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX touchpoints_deal ON touchpoints (deal_id, happened_on);"
  "CREATE INDEX touchpoints_account ON touchpoints (account_id, happened_on);"

  /* Next steps and follow-ups (of a deal, or of a client account). */
  "CREATE TABLE next_steps ("
  "  id         INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  deal_id    INTEGER REFERENCES deals (id) ON DELETE CASCADE,"
  "  action     TEXT NOT NULL CHECK (length(action) > 0),"
  "  owner_id   INTEGER REFERENCES founders (id) ON DELETE SET NULL,"
  "  due_on     TEXT,"
  "  done_on    TEXT"
  ") STRICT;"
  "CREATE INDEX next_steps_due ON next_steps (done_on, due_on);"

  /* §2 Qualification: every scoring is kept. */
  "CREATE TABLE qualifications ("
  "  id                  INTEGER PRIMARY KEY,"
  "  deal_id             INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,"
  "  scored_at           TEXT NOT NULL,"
  "  qualified_by_id     INTEGER REFERENCES founders (id) ON DELETE SET NULL,"
  "  framework           TEXT NOT NULL DEFAULT 'bant' CHECK (framework IN"
  "                      ('bant', 'meddic', 'meddpicc')),"
  "  budget              INTEGER NOT NULL CHECK (budget BETWEEN 1 AND 5),"
  "  authority           INTEGER NOT NULL CHECK (authority BETWEEN 1 AND 5),"
  "  need                INTEGER NOT NULL CHECK (need BETWEEN 1 AND 5),"
  "  timeline            INTEGER NOT NULL CHECK (timeline BETWEEN 1 AND 5),"
  "  budget_note         TEXT NOT NULL DEFAULT '',"
  "  authority_note      TEXT NOT NULL DEFAULT '',"
  "  need_note           TEXT NOT NULL DEFAULT '',"
  "  timeline_note       TEXT NOT NULL DEFAULT '',"
  "  spin_situation      TEXT NOT NULL DEFAULT '',"
  "  spin_problem        TEXT NOT NULL DEFAULT '',"
  "  spin_implication    TEXT NOT NULL DEFAULT '',"
  "  spin_need_payoff    TEXT NOT NULL DEFAULT '',"
  "  estimated_arr_cents INTEGER CHECK (estimated_arr_cents >= 0),"
  "  integration_effort  TEXT NOT NULL DEFAULT '' CHECK (integration_effort IN"
  "                      ('', 'low', 'medium', 'high')),"
  "  providers_needed    TEXT NOT NULL DEFAULT '',"
  "  follow_up_on        TEXT,"
  "  meddic_metrics           INTEGER CHECK (meddic_metrics BETWEEN 1 AND 5),"
  "  meddic_economic_buyer    INTEGER CHECK (meddic_economic_buyer BETWEEN 1 AND 5),"
  "  meddic_decision_criteria INTEGER CHECK (meddic_decision_criteria BETWEEN 1 AND 5),"
  "  meddic_decision_process  INTEGER CHECK (meddic_decision_process BETWEEN 1 AND 5),"
  "  meddic_identify_pain     INTEGER CHECK (meddic_identify_pain BETWEEN 1 AND 5),"
  "  meddic_champion          INTEGER CHECK (meddic_champion BETWEEN 1 AND 5),"
  "  meddpicc_paper_process   INTEGER CHECK (meddpicc_paper_process BETWEEN 1 AND 5),"
  "  meddpicc_competition     INTEGER CHECK (meddpicc_competition BETWEEN 1 AND 5),"
  "  meddic_notes             TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX qualifications_deal ON qualifications (deal_id, scored_at);"

  "CREATE TABLE qualification_products ("
  "  qualification_id INTEGER NOT NULL REFERENCES qualifications (id) ON DELETE CASCADE,"
  "  product_id       INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (qualification_id, product_id)"
  ") STRICT;"

  /* The SPIN question bank (editable) and which were asked on a deal. */
  "CREATE TABLE spin_questions ("
  "  id       INTEGER PRIMARY KEY,"
  "  phase    TEXT NOT NULL CHECK (phase IN ('situation', 'problem',"
  "           'implication', 'need_payoff')),"
  "  question TEXT NOT NULL CHECK (length(question) > 0),"
  "  position INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"

  "CREATE TABLE deal_spin_asked ("
  "  deal_id     INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,"
  "  question_id INTEGER NOT NULL REFERENCES spin_questions (id) ON DELETE CASCADE,"
  "  asked_on    TEXT NOT NULL,"
  "  PRIMARY KEY (deal_id, question_id)"
  ") STRICT;"

  "CREATE TABLE objections ("
  "  id           INTEGER PRIMARY KEY,"
  "  objection    TEXT NOT NULL CHECK (length(objection) > 0),"
  "  root_concern TEXT NOT NULL DEFAULT '',"
  "  response     TEXT NOT NULL DEFAULT '',"
  "  position     INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"

  "CREATE TABLE deal_objections ("
  "  deal_id      INTEGER NOT NULL REFERENCES deals (id) ON DELETE CASCADE,"
  "  objection_id INTEGER NOT NULL REFERENCES objections (id) ON DELETE CASCADE,"
  "  raised_on    TEXT NOT NULL,"
  "  note         TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (deal_id, objection_id)"
  ") STRICT;"

  /* §9 Demo prep and sales enablement */
  "CREATE TABLE assets ("
  "  id         INTEGER PRIMARY KEY,"
  "  kind       TEXT NOT NULL CHECK (kind IN ('one_pager', 'pitch_deck',"
  "             'demo_script', 'rate_card', 'case_study', 'integration_guide',"
  "             'battlecard', 'other')),"
  "  title      TEXT NOT NULL CHECK (length(title) > 0),"
  "  owner_id   INTEGER REFERENCES founders (id) ON DELETE SET NULL,"
  "  status     TEXT NOT NULL CHECK (status IN ('draft', 'ready', 'needs_update',"
  "             'not_started', 'in_progress', 'published')),"
  "  updated_on TEXT NOT NULL,"
  "  file_path  TEXT NOT NULL DEFAULT ''"
  ") STRICT;"

  "CREATE TABLE demo_plans ("
  "  deal_id         INTEGER PRIMARY KEY REFERENCES deals (id) ON DELETE CASCADE,"
  "  meeting_minutes INTEGER NOT NULL DEFAULT 45 CHECK (meeting_minutes > 0)"
  ") STRICT;"

  "CREATE TABLE demo_plan_items ("
  "  id         INTEGER PRIMARY KEY,"
  "  deal_id    INTEGER NOT NULL REFERENCES demo_plans (deal_id) ON DELETE CASCADE,"
  "  position   INTEGER NOT NULL,"
  "  pain       TEXT NOT NULL CHECK (length(pain) > 0),"
  "  product_id INTEGER REFERENCES products (id) ON DELETE SET NULL,"
  "  capability TEXT NOT NULL DEFAULT '',"
  "  proof_kind TEXT NOT NULL DEFAULT '' CHECK (proof_kind IN ('', 'case_study',"
  "             'metric', 'reference')),"
  "  proof      TEXT NOT NULL DEFAULT '',"
  "  asset_id   INTEGER REFERENCES assets (id) ON DELETE SET NULL,"
  "  minutes    INTEGER NOT NULL DEFAULT 5 CHECK (minutes >= 0)"
  ") STRICT;"

  /* §3 Design partners */
  "CREATE TABLE design_partners ("
  "  id                    INTEGER PRIMARY KEY,"
  "  account_id            INTEGER NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,"
  "  deal_id               INTEGER REFERENCES deals (id) ON DELETE SET NULL,"
  "  icp_fit               INTEGER NOT NULL CHECK (icp_fit BETWEEN 1 AND 5),"
  "  brand_value           INTEGER NOT NULL CHECK (brand_value BETWEEN 1 AND 5),"
  "  technical_readiness   INTEGER NOT NULL CHECK (technical_readiness BETWEEN 1 AND 5),"
  "  feedback_quality      INTEGER NOT NULL CHECK (feedback_quality BETWEEN 1 AND 5),"
  "  expansion_potential   INTEGER NOT NULL CHECK (expansion_potential BETWEEN 1 AND 5),"
  "  status                TEXT NOT NULL DEFAULT 'candidate' CHECK (status IN"
  "                        ('candidate', 'evaluating', 'active', 'converted',"
  "                        'not_converted', 'disqualified')),"
  "  evaluation_stage      TEXT NOT NULL DEFAULT 'discovery' CHECK (evaluation_stage IN"
  "                        ('discovery', 'scope', 'validate', 'negotiate')),"
  "  go_no_go              TEXT NOT NULL DEFAULT '' CHECK (go_no_go IN ('', 'go', 'no_go')),"
  "  go_no_go_on           TEXT,"
  "  disqualify_reason     TEXT NOT NULL DEFAULT '',"
  "  start_on              TEXT,"
  "  duration_months       INTEGER NOT NULL DEFAULT 6 CHECK (duration_months > 0),"
  "  discount_pct          INTEGER NOT NULL DEFAULT 0 CHECK (discount_pct BETWEEN 0 AND 100),"
  "  lever_early_signature INTEGER NOT NULL DEFAULT 0 CHECK (lever_early_signature IN (0, 1)),"
  "  lever_term            INTEGER NOT NULL DEFAULT 0 CHECK (lever_term IN (0, 1)),"
  "  term_months           INTEGER CHECK (term_months BETWEEN 1 AND 24),"
  "  lever_public_reference INTEGER NOT NULL DEFAULT 0 CHECK (lever_public_reference IN (0, 1)),"
  "  contact_founder_id    INTEGER REFERENCES founders (id) ON DELETE SET NULL,"
  "  notes                 TEXT NOT NULL DEFAULT '',"
  "  CHECK (discount_pct = 0 OR lever_early_signature + lever_term + lever_public_reference > 0)"
  ") STRICT;"

  "CREATE TABLE partner_obligations ("
  "  id         INTEGER PRIMARY KEY,"
  "  partner_id INTEGER NOT NULL REFERENCES design_partners (id) ON DELETE CASCADE,"
  "  side       TEXT NOT NULL CHECK (side IN ('they_get', 'we_get')),"
  "  item       TEXT NOT NULL CHECK (length(item) > 0),"
  "  due_on     TEXT,"
  "  done_on    TEXT,"
  "  position   INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"

  /* milestone: 0..4, the windows of traction_partner_milestone_window. */
  "CREATE TABLE partner_milestones ("
  "  partner_id INTEGER NOT NULL REFERENCES design_partners (id) ON DELETE CASCADE,"
  "  milestone  INTEGER NOT NULL CHECK (milestone BETWEEN 0 AND 4),"
  "  done_on    TEXT,"
  "  note       TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (partner_id, milestone)"
  ") STRICT;"

  "CREATE TABLE partner_metrics ("
  "  id             INTEGER PRIMARY KEY,"
  "  partner_id     INTEGER NOT NULL REFERENCES design_partners (id) ON DELETE CASCADE,"
  "  name           TEXT NOT NULL CHECK (length(name) > 0),"
  "  target         TEXT NOT NULL DEFAULT '',"
  "  measured_at_day INTEGER CHECK (measured_at_day >= 0),"
  "  value          TEXT NOT NULL DEFAULT '',"
  "  status         TEXT NOT NULL DEFAULT 'pending' CHECK (status IN"
  "                 ('pending', 'met', 'missed')),"
  "  position       INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"

  /* Gate checklists of the evaluation stages, and the paper process
   * (stage 'paper': security, legal, procurement). */
  "CREATE TABLE partner_gates ("
  "  partner_id INTEGER NOT NULL REFERENCES design_partners (id) ON DELETE CASCADE,"
  "  stage      TEXT NOT NULL CHECK (stage IN ('discovery', 'scope', 'validate',"
  "             'negotiate', 'paper')),"
  "  item       INTEGER NOT NULL,"
  "  done_on    TEXT NOT NULL,"
  "  PRIMARY KEY (partner_id, stage, item)"
  ") STRICT;"

  "CREATE TABLE feedback_items ("
  "  id          INTEGER PRIMARY KEY,"
  "  partner_id  INTEGER NOT NULL REFERENCES design_partners (id) ON DELETE CASCADE,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('bug', 'gap', 'feature_request')),"
  "  title       TEXT NOT NULL CHECK (length(title) > 0),"
  "  request_key TEXT NOT NULL DEFAULT '',"
  "  tags        TEXT NOT NULL DEFAULT '',"
  "  created_on  TEXT NOT NULL,"
  "  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'planned', 'done', 'wont_do'))"
  ") STRICT;"

  /* §4 Providers */
  "CREATE TABLE providers ("
  "  id      INTEGER PRIMARY KEY,"
  "  name    TEXT NOT NULL UNIQUE CHECK (length(name) > 0),"
  "  status  TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active',"
  "          'integrating', 'evaluating')),"
  "  contact TEXT NOT NULL DEFAULT '',"
  "  notes   TEXT NOT NULL DEFAULT ''"
  ") STRICT;"

  "CREATE TABLE provider_reviews ("
  "  id                   INTEGER PRIMARY KEY,"
  "  provider_id          INTEGER NOT NULL REFERENCES providers (id) ON DELETE CASCADE,"
  "  reviewed_on          TEXT NOT NULL,"
  "  reliability          INTEGER NOT NULL CHECK (reliability BETWEEN 1 AND 5),"
  "  pricing              INTEGER NOT NULL CHECK (pricing BETWEEN 1 AND 5),"
  "  exclusivity          TEXT NOT NULL CHECK (exclusivity IN ('none', 'soft', 'hard')),"
  "  integration_maturity INTEGER NOT NULL CHECK (integration_maturity BETWEEN 1 AND 5),"
  "  support              INTEGER NOT NULL CHECK (support BETWEEN 1 AND 5),"
  "  regulatory           INTEGER NOT NULL CHECK (regulatory BETWEEN 1 AND 5),"
  "  dependency_risk      INTEGER NOT NULL CHECK (dependency_risk BETWEEN 1 AND 5),"
  "  relationship         INTEGER NOT NULL CHECK (relationship BETWEEN 1 AND 5),"
  "  reliability_note     TEXT NOT NULL DEFAULT '',"
  "  pricing_note         TEXT NOT NULL DEFAULT '',"
  "  exclusivity_note     TEXT NOT NULL DEFAULT '',"
  "  integration_note     TEXT NOT NULL DEFAULT '',"
  "  support_note         TEXT NOT NULL DEFAULT '',"
  "  regulatory_note      TEXT NOT NULL DEFAULT '',"
  "  dependency_note      TEXT NOT NULL DEFAULT '',"
  "  relationship_note    TEXT NOT NULL DEFAULT '',"
  "  action_items         TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX provider_reviews_provider ON provider_reviews (provider_id, reviewed_on);"

  "CREATE TABLE provider_mitigations ("
  "  id          INTEGER PRIMARY KEY,"
  "  provider_id INTEGER NOT NULL REFERENCES providers (id) ON DELETE CASCADE,"
  "  item        TEXT NOT NULL CHECK (length(item) > 0),"
  "  done_on     TEXT,"
  "  position    INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"

  "CREATE TABLE product_coverage ("
  "  product_id  INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,"
  "  provider_id INTEGER NOT NULL REFERENCES providers (id) ON DELETE CASCADE,"
  "  role        TEXT NOT NULL CHECK (role IN ('primary', 'backup')),"
  "  PRIMARY KEY (product_id, provider_id)"
  ") STRICT;"

  /* Which products a client uses (coverage exposure, QBR, breadth). */
  "CREATE TABLE account_products ("
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,"
  "  since_on   TEXT NOT NULL,"
  "  PRIMARY KEY (account_id, product_id)"
  ") STRICT;"

  /* §6 Revenue: contracts and ARR movements. */
  "CREATE TABLE contracts ("
  "  id         INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  start_on   TEXT NOT NULL,"
  "  renewal_on TEXT NOT NULL,"
  "  arr_cents  INTEGER NOT NULL DEFAULT 0 CHECK (arr_cents >= 0),"
  "  status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active',"
  "             'renewed', 'ended')),"
  "  notes      TEXT NOT NULL DEFAULT '',"
  "  CHECK (renewal_on > start_on)"
  ") STRICT;"
  "CREATE INDEX contracts_renewal ON contracts (status, renewal_on);"

  "CREATE TABLE arr_movements ("
  "  id           INTEGER PRIMARY KEY,"
  "  account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  moved_on     TEXT NOT NULL,"
  "  kind         TEXT NOT NULL CHECK (kind IN ('new', 'expansion-cross-sell',"
  "               'expansion-upsell', 'expansion-usage', 'contraction',"
  "               'churn', 'reactivation')),"
  "  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),"
  "  note         TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX arr_movements_account ON arr_movements (account_id, moved_on);"
  "CREATE INDEX arr_movements_date ON arr_movements (moved_on);"

  /* §5 Health: monthly inputs, survey answers, scorecards, alerts. */
  "CREATE TABLE usage_months ("
  "  account_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  month         TEXT NOT NULL,"
  "  api_volume    INTEGER CHECK (api_volume >= 0),"
  "  plan_volume   INTEGER CHECK (plan_volume >= 0),"
  "  last_api_call TEXT,"
  "  tickets_p1    INTEGER CHECK (tickets_p1 >= 0),"
  "  tickets_p2    INTEGER CHECK (tickets_p2 >= 0),"
  "  tickets_p3    INTEGER CHECK (tickets_p3 >= 0),"
  "  tickets_p4    INTEGER CHECK (tickets_p4 >= 0),"
  "  last_response TEXT,"
  "  PRIMARY KEY (account_id, month)"
  ") STRICT;"

  "CREATE TABLE survey_responses ("
  "  id          INTEGER PRIMARY KEY,"
  "  account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  answered_on TEXT NOT NULL,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('nps', 'csat')),"
  "  score       INTEGER NOT NULL CHECK ((kind = 'nps' AND score BETWEEN 0 AND 10)"
  "              OR (kind = 'csat' AND score BETWEEN 1 AND 5)),"
  "  comment     TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX survey_responses_account ON survey_responses (account_id, answered_on);"

  /* One scorecard per client and month; score_tenths is the health score
   * computed with the weights in force when it was saved (kept as history). */
  "CREATE TABLE health_scores ("
  "  id                 INTEGER PRIMARY KEY,"
  "  account_id         INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  month              TEXT NOT NULL,"
  "  scored_by_id       INTEGER REFERENCES founders (id) ON DELETE SET NULL,"
  "  scored_at          TEXT NOT NULL,"
  "  api_volume         INTEGER NOT NULL CHECK (api_volume BETWEEN 1 AND 5),"
  "  volume_trend       INTEGER NOT NULL CHECK (volume_trend BETWEEN 1 AND 5),"
  "  product_breadth    INTEGER NOT NULL CHECK (product_breadth BETWEEN 1 AND 5),"
  "  ticket_volume      INTEGER NOT NULL CHECK (ticket_volume BETWEEN 1 AND 5),"
  "  severity_trend     INTEGER NOT NULL CHECK (severity_trend BETWEEN 1 AND 5),"
  "  team_engagement    INTEGER NOT NULL CHECK (team_engagement BETWEEN 1 AND 5),"
  "  nps_satisfaction   INTEGER NOT NULL CHECK (nps_satisfaction BETWEEN 1 AND 5),"
  "  feedback_quality   INTEGER NOT NULL CHECK (feedback_quality BETWEEN 1 AND 5),"
  "  asked_new_products INTEGER NOT NULL CHECK (asked_new_products IN (0, 1)),"
  "  growing_next_tier  INTEGER NOT NULL CHECK (growing_next_tier IN (0, 1)),"
  "  referred_prospect  INTEGER NOT NULL CHECK (referred_prospect IN (0, 1)),"
  "  score_tenths       INTEGER NOT NULL CHECK (score_tenths BETWEEN 0 AND 1000),"
  "  notes              TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (account_id, month)"
  ") STRICT;"

  /* Playbook responses of the alert kinds (editable). */
  "CREATE TABLE playbooks ("
  "  kind       TEXT PRIMARY KEY CHECK (kind IN ('volume_drop', 'no_api_calls',"
  "             'severe_ticket', 'dark', 'low_nps')),"
  "  response   TEXT NOT NULL,"
  "  owner_role TEXT NOT NULL DEFAULT '',"
  "  due_hours  INTEGER NOT NULL CHECK (due_hours > 0)"
  ") STRICT;"

  /* An alert is raised once per client, kind and month (source_month). */
  "CREATE TABLE alerts ("
  "  id           INTEGER PRIMARY KEY,"
  "  account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  kind         TEXT NOT NULL REFERENCES playbooks (kind),"
  "  source_month TEXT NOT NULL,"
  "  raised_at    TEXT NOT NULL,"
  "  due_at       TEXT NOT NULL,"
  "  owner_id     INTEGER REFERENCES founders (id) ON DELETE SET NULL,"
  "  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open',"
  "               'acknowledged', 'resolved')),"
  "  note         TEXT NOT NULL DEFAULT '',"
  "  closed_at    TEXT,"
  "  UNIQUE (account_id, kind, source_month)"
  ") STRICT;"
  "CREATE INDEX alerts_status ON alerts (status);"

  /* §7 QBR / EBR inputs kept per client and period ("2026Q3" or "2026"). */
  "CREATE TABLE review_notes ("
  "  id          INTEGER PRIMARY KEY,"
  "  account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('qbr', 'ebr')),"
  "  period      TEXT NOT NULL,"
  "  highlights  TEXT NOT NULL DEFAULT '',"
  "  impact      TEXT NOT NULL DEFAULT '',"
  "  working_well TEXT NOT NULL DEFAULT '',"
  "  to_improve  TEXT NOT NULL DEFAULT '',"
  "  discussion  TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (account_id, kind, period)"
  ") STRICT;"

  "CREATE TABLE review_goals ("
  "  id         INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  period     TEXT NOT NULL,"
  "  goal       TEXT NOT NULL CHECK (length(goal) > 0),"
  "  status     TEXT NOT NULL DEFAULT 'on_track' CHECK (status IN ('achieved',"
  "             'on_track', 'at_risk')),"
  "  metric     TEXT NOT NULL DEFAULT '',"
  "  owner      TEXT NOT NULL DEFAULT '',"
  "  position   INTEGER NOT NULL DEFAULT 0"
  ") STRICT;";

const char * const traction_migrations[] = {
  migration_1,
};

const guint traction_n_migrations = G_N_ELEMENTS (traction_migrations);

/* Tables in dependency order (parents first): the order of the JSON
 * export and import, and of any copy between databases. */
const char * const traction_tables[] = {
  "settings",
  "founders",
  "products",
  "loss_reasons",
  "accounts",
  "contacts",
  "deals",
  "stage_changes",
  "deal_checklist",
  "touchpoints",
  "next_steps",
  "qualifications",
  "qualification_products",
  "spin_questions",
  "deal_spin_asked",
  "objections",
  "deal_objections",
  "assets",
  "demo_plans",
  "demo_plan_items",
  "design_partners",
  "partner_obligations",
  "partner_milestones",
  "partner_metrics",
  "partner_gates",
  "feedback_items",
  "providers",
  "provider_reviews",
  "provider_mitigations",
  "product_coverage",
  "account_products",
  "contracts",
  "arr_movements",
  "usage_months",
  "survey_responses",
  "health_scores",
  "playbooks",
  "alerts",
  "review_notes",
  "review_goals",
  NULL
};
