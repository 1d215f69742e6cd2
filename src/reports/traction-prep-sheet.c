/* traction-prep-sheet.c: call prep and qualification sheets, one page each.
 *
 * Every section checks the room left before it draws and cuts what does
 * not fit with a "more in the app" note, so the sheet stays one page
 * whatever the deal holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "traction-prep-sheet.h"
#include "traction-store-deal.h"
#include "traction-store-qualify.h"
#include "traction-store-demo.h"

#define TEXT_SIZE   8.5
#define LINE        (TEXT_SIZE * 1.35)
#define MAX_TOUCHPOINTS 5
#define MAX_DEMO_ITEMS  6

struct _TractionPrepSheet
{
  TractionSheetKind       kind;
  GDate                   today;
  char                   *currency;
  TractionRules           rules;
  TractionDealDetail     *deal;
  TractionCompanyProfile *profile;
  TractionQualification  *q;          /* latest scoring, NULL when none */
  GPtrArray              *questions;  /* TractionSpinQuestion, asked marked */
  GPtrArray              *objections; /* TractionObjection raised on the deal */
  GPtrArray              *products;   /* TractionNamed */
  TractionDemoPlan       *demo;       /* the demo plan (may have no items) */
  GPtrArray              *demo_assets;/* TractionAsset the plan uses */
};

/* Data */

TractionPrepSheet *
traction_prep_sheet_new (TractionStore      *store,
                         gint64              deal_id,
                         TractionSheetKind   kind,
                         const GDate        *today,
                         GError            **error)
{
  g_autoptr(TractionPrepSheet) sheet = g_new0 (TractionPrepSheet, 1);
  g_autoptr(GPtrArray) all = NULL;
  GError *local = NULL;

  g_return_val_if_fail (TRACTION_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sheet->kind = kind;
  sheet->today = *today;
  sheet->currency = traction_store_get_currency (store);
  traction_store_get_rules (store, &sheet->rules);

  if ((sheet->deal = traction_store_load_deal (store, deal_id, today, error)) == NULL ||
      (sheet->profile = traction_store_get_company_profile (store, deal_id, error)) == NULL ||
      (sheet->questions = traction_store_list_spin_questions (store, deal_id, error)) == NULL ||
      (all = traction_store_list_objections (store, deal_id, error)) == NULL)
    return NULL;

  sheet->q = traction_store_latest_qualification (store, deal_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }

  sheet->objections = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_objection_free);
  for (guint i = 0; i < all->len; i++)
    if (((TractionObjection *) g_ptr_array_index (all, i))->raised)
      g_ptr_array_add (sheet->objections, g_ptr_array_steal_index (all, i--));

  if ((sheet->demo = traction_store_load_demo_plan (store, deal_id, error)) == NULL ||
      (sheet->demo_assets = traction_store_list_assets (store, today, error)) == NULL)
    return NULL;
  for (guint i = 0; i < sheet->demo_assets->len; i++)
    {
      const TractionAsset *asset = g_ptr_array_index (sheet->demo_assets, i);
      gboolean used = FALSE;

      for (guint k = 0; k < sheet->demo->items->len && !used; k++)
        used = ((TractionDemoItem *) g_ptr_array_index (sheet->demo->items, k))->asset_id == asset->id;
      if (!used)
        g_ptr_array_remove_index (sheet->demo_assets, i--);
    }

  sheet->products = traction_store_list_named (store, "products");
  if (sheet->products == NULL)
    sheet->products = g_ptr_array_new_with_free_func ((GDestroyNotify) traction_named_free);

  return g_steal_pointer (&sheet);
}

void
traction_prep_sheet_free (TractionPrepSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->currency);
  g_clear_pointer (&sheet->deal, traction_deal_detail_free);
  g_clear_pointer (&sheet->profile, traction_company_profile_free);
  g_clear_pointer (&sheet->q, traction_qualification_free);
  g_clear_pointer (&sheet->questions, g_ptr_array_unref);
  g_clear_pointer (&sheet->objections, g_ptr_array_unref);
  g_clear_pointer (&sheet->products, g_ptr_array_unref);
  g_clear_pointer (&sheet->demo, traction_demo_plan_free);
  g_clear_pointer (&sheet->demo_assets, g_ptr_array_unref);
  g_free (sheet);
}

char *
traction_prep_sheet_file_name (TractionPrepSheet *sheet)
{
  g_autofree char *name = NULL;
  char day[11];

  g_return_val_if_fail (sheet != NULL, NULL);

  name = traction_report_slug (sheet->deal->company, "deal");
  traction_date_format (&sheet->today, day);

  if (sheet->kind == TRACTION_SHEET_QUALIFICATION)
    /* Translators: file name of the printed qualification sheet; keep the %s */
    return g_strdup_printf (_("qualification-%s-%s.pdf"), name, day);
  /* Translators: file name of the printed call prep sheet; keep the %s */
  return g_strdup_printf (_("call-prep-%s-%s.pdf"), name, day);
}

/* Helpers: text */

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("—");
  dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0.0);
  return g_date_time_format (dt, "%x");
}

static const char *
or_dash (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : "—";
}

static const char *
bant_name (int dimension)
{
  static const char * const names[] = { N_("Budget"), N_("Authority"), N_("Need"), N_("Timeline") };

  return _(names[dimension]);
}

static int
bant_score (const TractionBant *bant,
            int                 dimension)
{
  const int scores[] = { bant->budget, bant->authority, bant->need, bant->timeline };

  return scores[dimension];
}

static void
translate_columns (const TractionTableColumn *columns,
                   TractionTableColumn       *out,
                   gsize                      n)
{
  for (gsize i = 0; i < n; i++)
    {
      out[i] = columns[i];
      out[i].title = _(columns[i].title);
    }
}

/* Helpers: drawing */

static double
room (const TractionPage *page)
{
  return page->bottom - page->y;
}

/* Text at (x, page->y) in width, at most max_lines lines (ellipsized);
 * returns its height without moving the cursor. */
static double
draw_text (TractionPage *page,
           double        x,
           double        y,
           double        width,
           const char   *text,
           gboolean      bold,
           gboolean      dim,
           int           max_lines)
{
  g_autoptr(PangoLayout) layout = traction_page_layout (page, TEXT_SIZE, bold, width);
  int w, h;

  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text, -1);
  cairo_save (page->cr);
  traction_chart_set_source (page->cr, dim ? &page->theme.dim : &page->theme.foreground);
  cairo_move_to (page->cr, x, y);
  pango_cairo_show_layout (page->cr, layout);
  cairo_restore (page->cr);
  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

/* "Label: text" across the content width, moving the cursor. */
static void
labelled_line (TractionPage *page,
               const char   *label,
               const char   *text,
               int           max_lines)
{
  double label_w = 0, label_h = 0, h;

  traction_chart_text_size (page->cr, &page->theme, label, TEXT_SIZE, TRUE, &label_w, &label_h);
  draw_text (page, page->left, page->y, label_w + 4, label, TRUE, FALSE, 1);
  h = draw_text (page, page->left + label_w + 6, page->y, page->right - page->left - label_w - 6,
                 or_dash (text), FALSE, text == NULL || text[0] == '\0', max_lines);
  page->y += MAX (h, LINE) + 2;
}

static void
cut_note (TractionPage *page,
          guint         n_left)
{
  g_autofree char *note = NULL;

  if (n_left == 0 || room (page) < LINE)
    return;
  /* Translators: at the end of a section cut to fit the page */
  note = g_strdup_printf (ngettext ("…and %u more in the deal pane.", "…and %u more in the deal pane.",
                                    n_left), n_left);
  page->y += draw_text (page, page->left, page->y, page->right - page->left, note, FALSE, TRUE, 1) + 2;
}

/* A section heading only when at least min_room (below the heading) is left. */
static gboolean
section (TractionPage *page,
         const char   *title,
         double        min_room)
{
  if (room (page) < min_room + 30)
    return FALSE;
  traction_page_heading (page, title, TRACTION_HEADING_SECTION);
  return TRUE;
}

/* Sections */

static void
draw_header (const TractionPrepSheet *sheet,
             TractionPage            *page,
             const char              *title)
{
  const TractionDealDetail *d = sheet->deal;
  g_autofree char *arr = traction_money_format (d->arr_cents, sheet->currency, FALSE);
  g_autofree char *days = g_strdup_printf (ngettext ("%d day in stage", "%d days in stage", d->days_in_stage),
                                           d->days_in_stage);
  g_autofree char *meta = NULL;

  traction_page_heading (page, title, TRACTION_HEADING_TITLE);
  /* Translators: "Deal: Kestrel payments API · Stage: Discovery (12 days in stage) · ARR $48,000.00 · Owner: Ana" */
  meta = g_strdup_printf (_("Deal: %s · Stage: %s (%s) · ARR %s · Owner: %s"),
                          d->name, traction_stage_label (d->stage), days, arr, or_dash (d->owner));
  traction_page_paragraph (page, meta, TRUE);
}

/* The BANT chart in the left half and, beside it, the total and the
 * notes (all four with with_notes, else only the gaps). */
static void
draw_bant (const TractionPrepSheet *sheet,
           TractionPage            *page,
           gboolean                 with_notes)
{
  const TractionQualification *q = sheet->q;
  TractionBarItem items[4];
  char *texts[4] = { NULL, };
  double width = page->right - page->left;
  double chart_w = width * 0.46;
  double chart_h = 4 * TEXT_SIZE * 1.9;
  double x = page->left + chart_w + 14, w = width - chart_w - 14;
  double top = page->y, y;
  int total = 0, n_lines = 0;
  TractionBantBand band;

  if (q == NULL)
    {
      page->y += draw_text (page, page->left, page->y, width,
                            _("Not scored yet. Score BANT after the first real conversation: "
                              "every dimension is a gap until then."), FALSE, TRUE, 3) + 4;
      return;
    }

  for (int i = 0; i < 4; i++)
    {
      int score = bant_score (&q->bant, i);
      gboolean gap = score < TRACTION_BANT_GAP_BELOW;

      /* Translators: a BANT bar's value: "2/5 · gap" marks a weak dimension */
      texts[i] = gap ? g_strdup_printf (_("%d/5 · gap"), score) : g_strdup_printf (_("%d/5"), score);
      items[i] = (TractionBarItem) { bant_name (i), score, texts[i], gap ? 1 : 0 };
    }
  traction_chart_hbars (page->cr, &page->theme, page->left, top, chart_w, chart_h, items, 4, 5.0);

  traction_bant_total (&q->bant, &total, NULL);
  band = traction_bant_band (total, &sheet->rules);
  {
    g_autofree char *line = NULL;
    g_autofree char *date = format_date (&q->date);

    /* Translators: "Total 13/20: Medium priority (scored 11/2/2026)" */
    line = g_strdup_printf (_("Total %d/20: %s (scored %s)"), total, traction_bant_band_label (band), date);
    y = top + draw_text (page, x, top, w, line, TRUE, FALSE, 2) + 2;
  }

  for (int i = 0; i < 4; i++)
    {
      int score = bant_score (&q->bant, i);
      const char *note = q->bant_note[i][0] != '\0' ? q->bant_note[i] : traction_bant_guide (i, score);
      g_autofree char *line = NULL;

      if (with_notes)
        line = g_strdup_printf ("%s %d/5%s: %s", bant_name (i), score,
                                score < TRACTION_BANT_GAP_BELOW ? _(" (gap)") : "", note);
      else if (score < TRACTION_BANT_GAP_BELOW)
        /* Translators: a weak BANT dimension: "Gap: Authority 3/5: Head of Product is champion" */
        line = g_strdup_printf (_("Gap: %s %d/5: %s"), bant_name (i), score, note);
      if (line == NULL)
        continue;
      y += draw_text (page, x, y, w, line, FALSE, FALSE, 2) + 1;
      n_lines++;
    }
  if (n_lines == 0)
    y += draw_text (page, x, y, w, _("No gaps: every dimension scores 4 or 5."), FALSE, TRUE, 1);

  page->y = MAX (top + chart_h, y) + 4;
  for (int i = 0; i < 4; i++)
    g_free (texts[i]);
}

static void
draw_spin (const TractionPrepSheet *sheet,
           TractionPage            *page,
           int                      max_lines)
{
  const TractionQualification *q = sheet->q;

  for (int p = 0; p < TRACTION_N_SPIN_PHASES; p++)
    {
      if (room (page) < LINE)
        return;
      labelled_line (page, traction_spin_phase_label (p), q != NULL ? q->spin[p] : NULL, max_lines);
    }
  if (q == NULL || !traction_spin_may_pitch (q->spin[TRACTION_SPIN_IMPLICATION], q->spin[TRACTION_SPIN_NEED_PAYOFF]))
    {
      if (room (page) < LINE)
        return;
      page->y += draw_text (page, page->left, page->y, page->right - page->left,
                            _("⚠ Don't pitch yet: get Implication and Need-Payoff first."),
                            TRUE, FALSE, 1) + 2;
    }
}

static void
draw_unasked (const TractionPrepSheet *sheet,
              TractionPage            *page,
              guint                    max_rows)
{
  guint n = 0, drawn = 0, left = 0;

  for (guint i = 0; i < sheet->questions->len; i++)
    if (!((TractionSpinQuestion *) g_ptr_array_index (sheet->questions, i))->asked)
      n++;
  if (n == 0)
    {
      page->y += draw_text (page, page->left, page->y, page->right - page->left,
                            _("Every question of the bank has been asked on this deal."), FALSE, TRUE, 1) + 2;
      return;
    }

  /* In SPIN order, one a line. */
  for (guint i = 0; i < sheet->questions->len && drawn < max_rows && room (page) >= LINE * 2; i++)
    {
      const TractionSpinQuestion *question = g_ptr_array_index (sheet->questions, i);
      g_autofree char *line = NULL;

      if (question->asked)
        continue;
      line = g_strdup_printf ("☐ %s: %s", traction_spin_phase_label (question->phase), question->question);
      page->y += draw_text (page, page->left, page->y, page->right - page->left, line, FALSE, FALSE, 1) + 1;
      drawn++;
    }
  page->y += 2;
  left = n - drawn;
  cut_note (page, left);
}

static void
draw_stakeholders (const TractionPrepSheet *sheet,
                   TractionPage            *page,
                   guint                    max_rows)
{
  static const TractionTableColumn columns[] = {
    { N_("Name"), 3, FALSE },
    { N_("Title"), 2.6, FALSE },
    { N_("Role"), 2.4, FALSE },
  };
  TractionTableColumn translated[G_N_ELEMENTS (columns)];
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *people = sheet->deal->stakeholders;
  guint n = MIN (people->len, max_rows), drawn;

  if (people->len == 0)
    {
      page->y += draw_text (page, page->left, page->y, page->right - page->left,
                            _("No stakeholders yet: who decides, who champions, who signs?"),
                            FALSE, TRUE, 1) + 2;
      return;
    }
  translate_columns (columns, translated, G_N_ELEMENTS (columns));
  for (guint i = 0; i < n; i++)
    {
      const TractionStakeholder *s = g_ptr_array_index (people, i);

      g_ptr_array_add (cells, g_strdup (s->name));
      g_ptr_array_add (cells, g_strdup (or_dash (s->title)));
      g_ptr_array_add (cells, g_strdup (s->role != TRACTION_ROLE_NONE ? traction_contact_role_label (s->role) : "—"));
    }
  drawn = (guint) traction_page_table (page, translated, G_N_ELEMENTS (translated),
                                       (const char * const *) cells->pdata, n);
  cut_note (page, people->len - drawn);
}

static void
draw_touchpoints (const TractionPrepSheet *sheet,
                  TractionPage            *page,
                  guint                    max_rows)
{
  static const TractionTableColumn columns[] = {
    { N_("Date"), 1.6, FALSE },
    { N_("Kind"), 1.3, FALSE },
    { N_("With"), 2.2, FALSE },
    { N_("Summary"), 7, FALSE },
  };
  TractionTableColumn translated[G_N_ELEMENTS (columns)];
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *list = sheet->deal->touchpoints;
  guint n = MIN (list->len, max_rows);

  if (n == 0)
    {
      page->y += draw_text (page, page->left, page->y, page->right - page->left,
                            _("No touchpoints logged yet."), FALSE, TRUE, 1) + 2;
      return;
    }
  translate_columns (columns, translated, G_N_ELEMENTS (columns));
  for (guint i = 0; i < n; i++)
    {
      const TractionTouchpoint *t = g_ptr_array_index (list, i);

      g_ptr_array_add (cells, format_date (&t->date));
      g_ptr_array_add (cells, g_strdup (traction_touchpoint_kind_label (t->kind)));
      g_ptr_array_add (cells, g_strdup (or_dash (t->contact)));
      g_ptr_array_add (cells, g_strdup (or_dash (t->summary)));
    }
  traction_page_table (page, translated, G_N_ELEMENTS (translated),
                       (const char * const *) cells->pdata, n);
}

static void
draw_objections (const TractionPrepSheet *sheet,
                 TractionPage            *page,
                 int                      response_lines)
{
  guint drawn = 0;

  if (sheet->objections->len == 0)
    {
      page->y += draw_text (page, page->left, page->y, page->right - page->left,
                            _("No objections marked on this deal yet."), FALSE, TRUE, 1) + 2;
      return;
    }
  for (guint i = 0; i < sheet->objections->len; i++)
    {
      const TractionObjection *o = g_ptr_array_index (sheet->objections, i);
      g_autofree char *head = NULL;
      g_autofree char *response = NULL;

      if (room (page) < LINE * (2 + response_lines))
        break;
      head = o->note[0] != '\0'
               ? g_strdup_printf ("%s — %s", o->objection, o->note)
               : g_strdup (o->objection);
      page->y += draw_text (page, page->left, page->y, page->right - page->left, head, TRUE, FALSE, 1) + 1;
      /* Translators: "Root concern: Budget, value not yet proven. Response: …" */
      response = g_strdup_printf (_("Root concern: %s. Response: %s"), or_dash (o->root_concern), or_dash (o->response));
      page->y += draw_text (page, page->left + 10, page->y, page->right - page->left - 10, response,
                            FALSE, FALSE, response_lines) + 4;
      drawn++;
    }
  cut_note (page, sheet->objections->len - drawn);
}

static void
draw_next_steps (const TractionPrepSheet *sheet,
                 TractionPage            *page,
                 guint                    max_rows)
{
  static const TractionTableColumn columns[] = {
    { N_("Action"), 4.6, FALSE },
    { N_("Owner"), 2.6, FALSE },
    { N_("Due"), 2.4, FALSE },
  };
  TractionTableColumn translated[G_N_ELEMENTS (columns)];
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint n = 0, open = 0, drawn;

  for (guint i = 0; i < sheet->deal->next_steps->len; i++)
    {
      const TractionNextStep *step = g_ptr_array_index (sheet->deal->next_steps, i);

      if (g_date_valid (&step->done))
        continue;
      open++;
      if (n >= max_rows)
        continue;
      g_ptr_array_add (cells, g_strdup (step->action));
      g_ptr_array_add (cells, g_strdup (or_dash (step->owner)));
      g_ptr_array_add (cells, format_date (&step->due));
      n++;
    }
  if (open == 0)
    {
      page->y += draw_text (page, page->left, page->y, page->right - page->left,
                            _("No open next step: decide one before the call ends."), FALSE, TRUE, 1) + 2;
      return;
    }
  translate_columns (columns, translated, G_N_ELEMENTS (columns));
  drawn = (guint) traction_page_table (page, translated, G_N_ELEMENTS (translated),
                                       (const char * const *) cells->pdata, n);
  cut_note (page, open - drawn);
}

/* The demo plan: pain → what to show → proof, in showing order, the
 * total against the meeting, and the assets to bring. */
static void
draw_demo_plan (const TractionPrepSheet *sheet,
                TractionPage            *page)
{
  const TractionDemoPlan *plan = sheet->demo;
  double width = page->right - page->left;
  guint drawn = 0;
  gboolean over = FALSE;
  int total;
  g_autofree char *total_text = NULL;
  g_autofree char *line = NULL;

  if (plan->items->len == 0)
    {
      page->y += draw_text (page, page->left, page->y, width,
                            _("No demo plan yet: list the prospect’s pains and what answers each (Demo Plan in the deal pane)."),
                            FALSE, TRUE, 2) + 2;
      return;
    }
  /* Per pain: "1. Pain (12 min)", then what to show and the proof. */
  for (guint i = 0; i < plan->items->len && drawn < MAX_DEMO_ITEMS && room (page) >= LINE * 4; i++)
    {
      const TractionDemoItem *item = g_ptr_array_index (plan->items, i);
      const char *proof = item->proof[0] != '\0' ? item->proof : item->asset;
      g_autofree char *head = NULL;
      g_autofree char *show = NULL;
      g_autofree char *proof_text = NULL;
      g_autofree char *detail = NULL;

      /* Translators: a demo plan item on the call prep sheet: "1. Reconciliation is manual (10 min)" */
      head = g_strdup_printf (_("%u. %s (%d min)"), i + 1, item->pain, item->minutes);
      if (item->product[0] != '\0' && item->capability[0] != '\0')
        show = g_strdup_printf ("%s: %s", item->product, item->capability);
      else
        show = g_strdup (or_dash (item->product[0] != '\0' ? item->product : item->capability));
      if (item->proof_kind != TRACTION_PROOF_NONE)
        proof_text = g_strdup_printf ("%s: %s", traction_proof_kind_label (item->proof_kind), or_dash (proof));
      else
        proof_text = g_strdup (or_dash (proof));
      /* Translators: under a demo plan item: "Show: Payouts: daily reports · Proof: Metric: 40K a day" */
      detail = g_strdup_printf (_("Show: %s · Proof: %s"), show, proof_text);
      page->y += draw_text (page, page->left, page->y, width, head, TRUE, FALSE, 1) + 1;
      page->y += draw_text (page, page->left + 10, page->y, width - 10, detail, FALSE, FALSE, 2) + 3;
      drawn++;
    }
  cut_note (page, plan->items->len - drawn);

  if (room (page) < LINE)
    return;
  total = traction_demo_plan_total (plan, &over);
  total_text = traction_demo_total_text (total, plan->meeting_minutes);
  /* Translators: "Total: 38 of 45 minutes"; a warning sign leads when over */
  line = over ? g_strdup_printf (_("⚠ Total: %s. Cut or shorten an item."), total_text)
              : g_strdup_printf (_("Total: %s"), total_text);
  page->y += draw_text (page, page->left, page->y, page->right - page->left, line, TRUE, FALSE, 1) + 2;

  if (sheet->demo_assets->len > 0 && room (page) >= LINE)
    {
      GString *bring = g_string_new (NULL);

      for (guint i = 0; i < sheet->demo_assets->len; i++)
        {
          const TractionAsset *asset = g_ptr_array_index (sheet->demo_assets, i);

          if (bring->len > 0)
            g_string_append (bring, _("; "));
          /* Translators: an asset to bring: "Sales deck (Ready)", "Rate card (Needs update, stale)" */
          if (asset->stale)
            g_string_append_printf (bring, _("%s (%s, not reviewed in %d days)"), asset->title,
                                    traction_asset_status_label (asset->status), asset->age_days);
          else
            g_string_append_printf (bring, "%s (%s)", asset->title, traction_asset_status_label (asset->status));
        }
      labelled_line (page, _("Bring:"), bring->str, 2);
      g_string_free (bring, TRUE);
    }
}

static void
draw_call_prep (const TractionPrepSheet *sheet,
                TractionPage            *page)
{
  g_autofree char *title = g_strdup_printf (_("Call Prep: %s"), sheet->deal->company);

  draw_header (sheet, page, title);

  traction_page_heading (page, _("BANT Scores and Gaps"), TRACTION_HEADING_SECTION);
  draw_bant (sheet, page, FALSE);

  if (section (page, _("SPIN Notes"), LINE * 4))
    draw_spin (sheet, page, 2);
  /* With a demo plan the questions and responses are shorter, so the
   * sheet stays one page. */
  if (section (page, _("Demo Plan"), LINE * 3))
    draw_demo_plan (sheet, page);
  if (section (page, _("Questions Not Yet Asked"), LINE * 2))
    draw_unasked (sheet, page, sheet->demo->items->len > 0 ? 3 : 4);
  if (section (page, _("Objections Seen"), LINE * 3))
    draw_objections (sheet, page, sheet->demo->items->len > 0 ? 2 : 3);
  if (section (page, _("Last Touchpoints"), traction_page_table_row_height () * 2))
    draw_touchpoints (sheet, page, sheet->demo->items->len > 0 ? 3 : MAX_TOUCHPOINTS);

  /* Stakeholders and next steps side by side. */
  if (room (page) >= traction_page_table_row_height () * 2 + 30)
    {
      double left = page->left, right = page->right;
      double mid = (left + right) / 2, top = page->y, end;

      page->right = mid - 8;
      traction_page_heading (page, _("Stakeholders"), TRACTION_HEADING_SECTION);
      draw_stakeholders (sheet, page, 5);
      end = page->y;
      page->right = right;
      page->left = mid + 8;
      page->y = top;
      traction_page_heading (page, _("Next Steps"), TRACTION_HEADING_SECTION);
      draw_next_steps (sheet, page, 5);
      page->left = left;
      page->y = MAX (end, page->y);
    }
}

static void
draw_qualification (const TractionPrepSheet *sheet,
                    TractionPage            *page)
{
  const TractionQualification *q = sheet->q;
  const TractionCompanyProfile *profile = sheet->profile;
  g_autofree char *title = g_strdup_printf (_("Deal Qualification: %s"), sheet->deal->company);
  g_autofree char *segment = profile->icp_tier > 0 ? g_strdup_printf (_("Tier %d"), profile->icp_tier) : NULL;
  g_autofree char *source = NULL;

  draw_header (sheet, page, title);
  {
    g_autofree char *date = q != NULL ? format_date (&q->date) : g_strdup ("—");
    g_autofree char *line = NULL;

    source = profile->source == TRACTION_SOURCE_WARM_INTRO && profile->introduced_by[0] != '\0'
               ? g_strdup_printf (_("%s (by %s)"), traction_source_label (profile->source), profile->introduced_by)
               : g_strdup (traction_source_label (profile->source));
    /* Translators: "Date: 11/2/2026 · Qualified by: Ana · Deal source: Inbound" */
    line = g_strdup_printf (_("Date: %s · Qualified by: %s · Deal source: %s"),
                            date, q != NULL ? or_dash (q->qualified_by) : "—", source);
    traction_page_paragraph (page, line, FALSE);
  }

  traction_page_heading (page, _("Company Profile"), TRACTION_HEADING_SECTION);
  labelled_line (page, _("Segment:"), segment, 1);
  labelled_line (page, _("Geography:"), profile->geography, 1);
  labelled_line (page, _("Size:"), profile->size, 1);
  labelled_line (page, _("Current providers:"), profile->current_providers, 2);

  traction_page_heading (page, _("BANT Scores"), TRACTION_HEADING_SECTION);
  draw_bant (sheet, page, TRUE);
  if (q != NULL)
    {
      int total = 0;
      TractionBantBand band;
      g_autofree char *decision = NULL;
      g_autofree char *follow = format_date (&q->follow_up);

      traction_bant_total (&q->bant, &total, NULL);
      band = traction_bant_band (total, &sheet->rules);
      /* Translators: "Decision: Medium priority. Keep nurturing… Follow-up: 11/16/2026" */
      decision = g_strdup_printf (_("Decision: %s. %s Follow-up: %s"), traction_bant_band_label (band),
                                  traction_bant_band_advice (band), follow);
      page->y += 2;
      page->y += draw_text (page, page->left, page->y, page->right - page->left, decision, TRUE, FALSE, 2) + 2;
    }

  if (section (page, _("SPIN Conversation Notes"), LINE * 4))
    draw_spin (sheet, page, 3);

  if (section (page, _("Product Fit"), LINE * 4))
    {
      GString *products = g_string_new (NULL);
      g_autofree char *arr = NULL;
      g_autofree char *products_text = NULL;

      for (guint i = 0; q != NULL && i < q->product_ids->len; i++)
        for (guint j = 0; j < sheet->products->len; j++)
          {
            const TractionNamed *named = g_ptr_array_index (sheet->products, j);

            if (named->id != g_array_index (q->product_ids, gint64, i))
              continue;
            if (products->len > 0)
              g_string_append (products, _(", "));
            g_string_append (products, named->name);
          }
      products_text = g_string_free (products, FALSE);
      if (q != NULL && q->estimated_arr_cents >= 0)
        arr = traction_money_format (q->estimated_arr_cents, sheet->currency, FALSE);
      labelled_line (page, _("Products needed:"), products_text, 2);
      labelled_line (page, _("Estimated ARR:"), arr, 1);
      labelled_line (page, _("Integration effort:"),
                     q != NULL && q->effort != TRACTION_EFFORT_NONE ? traction_effort_label (q->effort) : NULL, 1);
      labelled_line (page, _("Providers needed:"), q != NULL ? q->providers_needed : NULL, 2);
    }

  if (q != NULL && q->framework != TRACTION_FRAMEWORK_BANT &&
      section (page, traction_framework_label (q->framework), LINE * 3))
    {
      guint n = q->framework == TRACTION_FRAMEWORK_MEDDPICC ? TRACTION_N_MEDDPICC : TRACTION_N_MEDDIC;
      GString *line = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        {
          if (line->len > 0)
            g_string_append (line, " · ");
          if (q->meddic[i] > 0)
            g_string_append_printf (line, "%s %d/5", traction_meddic_label (i), q->meddic[i]);
          else
            g_string_append_printf (line, _("%s not scored"), traction_meddic_label (i));
        }
      page->y += draw_text (page, page->left, page->y, page->right - page->left, line->str, FALSE, FALSE, 3) + 2;
      g_string_free (line, TRUE);
      if (q->meddic_notes[0] != '\0' && room (page) > LINE * 2)
        page->y += draw_text (page, page->left, page->y, page->right - page->left, q->meddic_notes,
                              FALSE, TRUE, 2) + 2;
    }

  if (section (page, _("Next Steps"), traction_page_table_row_height () * 2))
    draw_next_steps (sheet, page, 6);
}

/* Spec */

static char *
sheet_title (gpointer data)
{
  TractionPrepSheet *sheet = data;

  if (sheet->kind == TRACTION_SHEET_QUALIFICATION)
    return g_strdup_printf (_("Deal Qualification: %s"), sheet->deal->company);
  return g_strdup_printf (_("Call Prep: %s"), sheet->deal->company);
}

static int
sheet_n_pages (gpointer data,
               double   width,
               double   height)
{
  return 1;
}

static void
sheet_draw_page (gpointer      data,
                 TractionPage *page)
{
  TractionPrepSheet *sheet = data;

  if (sheet->kind == TRACTION_SHEET_QUALIFICATION)
    draw_qualification (sheet, page);
  else
    draw_call_prep (sheet, page);
}

const TractionReportSpec *
traction_prep_sheet_spec (void)
{
  static const TractionReportSpec spec = {
    sheet_title,
    sheet_n_pages,
    sheet_draw_page,
  };

  return &spec;
}
