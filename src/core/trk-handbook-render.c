/* trk-handbook-render.c - the handbook for staff: every outcome on a date, printed
 *
 * Blocks of the checklist's sheet, one column per language, filled by the
 * same code for every column so that a bilingual page stays in step. The
 * table of contents is numbered by laying the sheet out twice: once to
 * learn where each outcome starts, once with those pages (repeated while
 * a page number moves, which it does only when the contents grow a line).
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-answers.h"
#include "trk-checklist-doc-private.h"
#include "trk-handbook-render.h"
#include "trk-i18n.h"
#include "trk-lang-date.h"
#include "trk-template.h"

#define GAP_OUTCOME 22.0
#define GAP_SECTION 10.0
#define GAP_ITEM     4.0
#define GAP_LINE     2.0
#define MAX_PASSES   4

#define WARNING_DEPORTATION "refusal_deportation"
#define WARNING_LOOP        "circular_dependency"


typedef struct
{
  TrkHandbook *handbook;
  TrkLang      langs[TRK_SHEET_MAX_COLUMNS];
  guint        n_langs;
} Doc;

typedef struct
{
  Doc       *doc;
  TrkSheet  *sheet;
  TrkResult *result;      /* of the outcome being added */
  guint      outcome;
  const int *pages;       /* page of each outcome, NULL on the first pass */
  GPtrArray *headings;    /* TrkBlock of each outcome's heading (borrowed) */
} Builder;

typedef void (*FillFunc) (Builder  *builder,
                          TrkBlock *block,
                          guint     column,
                          TrkLang   lang,
                          guint     index);

static const char *
tr (TrkLang     lang,
    const char *msgid)
{
  return trk_i18n_gettext (lang, msgid);
}

const char *
trk_handbook_title (TrkLang lang)
{
  return tr (lang, N_("Handbook: every outcome of the fingerprint registration rules"));
}

char *
trk_handbook_outcome_heading (guint   outcome,
                              TrkLang lang)
{
  g_autofree char *number = g_strdup_printf ("%u", outcome + 1);

  /* Translators: the heading of one outcome in the handbook; %s is its number. */
  return trk_template_fill (tr (lang, N_("Outcome %s")), (const char *[]) { number }, 1);
}

static TrkBlock *
add_block (Builder  *builder,
           TrkFrame  frame,
           double    gap,
           gboolean  keep_with_next,
           FillFunc  fill,
           guint     index)
{
  TrkBlock *block = trk_block_new (frame, gap, keep_with_next);

  for (guint c = 0; c < builder->doc->n_langs; c++)
    fill (builder, block, c, builder->doc->langs[c], index);

  trk_sheet_add_block (builder->sheet, block);
  return block;
}

/* "Mandatory · In person" : the two statuses of an outcome, short. */
static char *
outcome_summary (TrkResult *result,
                 TrkLang    lang)
{
  TrkRuleSet *rules = trk_result_get_rule_set (result);
  const char *first = trk_rule_set_get_target_id (rules, 0);
  const char *second = trk_rule_set_get_target_id (rules, 1);

  return g_strconcat (trk_rule_set_get_status_label (rules, first,
                                                     trk_result_get_status (result, first),
                                                     lang),
                      " · ",
                      trk_rule_set_get_status_label (rules, second,
                                                     trk_result_get_status (result, second),
                                                     lang),
                      NULL);
}

/* ---- title and contents ---- */

static void
fill_title (Builder  *builder,
            TrkBlock *block,
            guint     column,
            TrkLang   lang,
            guint     index)
{
  TrkHandbook *handbook = builder->doc->handbook;
  TrkRuleSet *rules = trk_handbook_get_rule_set (handbook);
  g_autofree char *date = trk_lang_date_format_iso (lang, trk_handbook_get_date (handbook));
  g_autofree char *checked = trk_lang_date_format_iso (lang, trk_rule_set_get_checked (rules));
  g_autofree char *count = g_strdup_printf ("%u", trk_handbook_get_n_outcomes (handbook));
  const char *rules_args[] = { trk_rule_set_get_id (rules), trk_rule_set_get_version (rules),
                               checked };
  g_autofree char *date_line = NULL;
  g_autofree char *rules_line = NULL;
  g_autofree char *intro = NULL;

  if (builder->doc->n_langs > 1)
    {
      g_autofree char *name = g_utf8_strup (trk_lang_native_name (lang), -1);

      trk_block_add_text (block, column, TRK_STYLE_LANG_TAG, TRK_MARK_NONE, 0, FALSE, name);
    }

  /* Translators: %s is a date such as "28 November 2026". */
  date_line = trk_template_fill (tr (lang, N_("Outcomes on %s")), (const char *[]) { date }, 1);
  rules_line = trk_template_fill (tr (lang, N_("Rules: %1$s, version %2$s, "
                                           "checked against the law on %3$s")),
                              rules_args, 3);
  /* Translators: %s is the number of outcomes. */
  intro = trk_template_fill (tr (lang, N_("For consulate and migration staff: the %s distinct "
                                      "outcomes the rules give on this date, found by trying "
                                      "every combination of answers. For each: who it is for, "
                                      "the outcome and why, what to bring, and the warnings.")),
                         (const char *[]) { count }, 1);

  trk_block_add_text (block, column, TRK_STYLE_TITLE, TRK_MARK_NONE, 0, TRUE, trk_handbook_title (lang));
  trk_block_add_text (block, column, TRK_STYLE_META, TRK_MARK_NONE, 0, TRUE, date_line);
  trk_block_add_text (block, column, TRK_STYLE_META, TRK_MARK_NONE, 0, FALSE, rules_line);
  trk_block_add_text (block, column, TRK_STYLE_BODY, TRK_MARK_NONE, 0, TRUE, intro);
}

static void
fill_contents_heading (Builder  *builder,
                       TrkBlock *block,
                       guint     column,
                       TrkLang   lang,
                       guint     index)
{
  trk_block_add_text (block, column, TRK_STYLE_HEADING, TRK_MARK_NONE, 0, FALSE, tr (lang, N_("Contents")));
}

static void
fill_contents_entry (Builder  *builder,
                     TrkBlock *block,
                     guint     column,
                     TrkLang   lang,
                     guint     index)
{
  TrkResult *result = trk_handbook_get_outcome_result (builder->doc->handbook, index);
  g_autofree char *heading = trk_handbook_outcome_heading (index, lang);
  g_autofree char *summary = outcome_summary (result, lang);
  g_autofree char *page = g_strdup_printf ("%d", builder->pages != NULL
                                                 ? builder->pages[index] + 1 : 0);
  g_autofree char *page_text = NULL;
  g_autofree char *markup = NULL;

  /* Translators: the page of an outcome in the contents; %s is a number. */
  page_text = trk_template_fill (tr (lang, N_("page %s")), (const char *[]) { page }, 1);
  markup = g_markup_printf_escaped ("<b>%s</b>  %s — %s", heading, summary, page_text);
  trk_block_add (block, column, TRK_STYLE_BODY, TRK_MARK_NONE, 0, TRUE, markup);
}

/* ---- one outcome ---- */

static void
fill_outcome_heading (Builder  *builder,
                      TrkBlock *block,
                      guint     column,
                      TrkLang   lang,
                      guint     index)
{
  g_autofree char *heading = trk_handbook_outcome_heading (builder->outcome, lang);

  trk_block_add_text (block, column, TRK_STYLE_HEADING, TRK_MARK_NONE, 0, FALSE, heading);
}

static void
fill_statuses (Builder  *builder,
               TrkBlock *block,
               guint     column,
               TrkLang   lang,
               guint     index)
{
  TrkRuleSet *rules = trk_result_get_rule_set (builder->result);

  trk_block_add_text (block, column, TRK_STYLE_BOX_TITLE, TRK_MARK_NONE, 0, FALSE,
                      tr (lang, N_("Outcome")));
  for (guint t = 0; t < trk_rule_set_get_n_targets (rules); t++)
    {
      const char *target = trk_rule_set_get_target_id (rules, t);
      const char *status = trk_result_get_status (builder->result, target);
      g_autofree char *markup = NULL;

      trk_block_add_text (block, column, TRK_STYLE_META, TRK_MARK_NONE, 0, TRUE,
                          trk_rule_set_get_target_label (rules, target, lang));
      markup = g_markup_printf_escaped ("<b>%s</b>",
                                        trk_rule_set_get_status_label (rules, target, status, lang));
      trk_block_add (block, column, TRK_STYLE_BODY, TRK_MARK_NONE, 0, FALSE, markup);
    }
}

static void
fill_subheading (Builder  *builder,
                 TrkBlock *block,
                 guint     column,
                 TrkLang   lang,
                 guint     index)
{
  static const char *const subheadings[] = {
    N_("Who it is for"),
    N_("Why: the rules and the law"),
    N_("Documents and steps"),
    N_("Warnings"),
  };

  trk_block_add_text (block, column, TRK_STYLE_STRONG, TRK_MARK_NONE, 0, FALSE,
                      tr (lang, subheadings[index]));
}

enum { SUB_WHO, SUB_WHY, SUB_CHECKLIST, SUB_WARNINGS };

static void
fill_condition (Builder  *builder,
                TrkBlock *block,
                guint     column,
                TrkLang   lang,
                guint     index)
{
  TrkHandbook *handbook = builder->doc->handbook;
  guint n = trk_handbook_get_n_conditions (handbook, builder->outcome);
  g_autoptr(GPtrArray) terms = trk_handbook_get_condition_terms (handbook, builder->outcome,
                                                                 index, lang);

  if (n > 1)
    {
      g_autofree char *number = g_strdup_printf ("%u", index + 1);
      g_autofree char *total = g_strdup_printf ("%u", n);
      /* Translators: one of several answer sets leading to an outcome:
       * "Answers 2 of 3:". */
      g_autofree char *label = trk_template_fill (tr (lang, N_("Answers %1$s of %2$s:")),
                                                  (const char *[]) { number, total }, 2);

      trk_block_add_text (block, column, TRK_STYLE_SMALL, TRK_MARK_NONE, 0, TRUE, label);
    }
  if (terms->len == 0)
    trk_block_add_text (block, column, TRK_STYLE_BODY, TRK_MARK_BULLET, 1, FALSE,
                        tr (lang, N_("Everyone, whatever the answers")));
  for (guint t = 0; t < terms->len; t++)
    trk_block_add_text (block, column, TRK_STYLE_BODY, TRK_MARK_BULLET, 1, FALSE,
                        g_ptr_array_index (terms, t));
}

static void
fill_reason (Builder  *builder,
             TrkBlock *block,
             guint     column,
             TrkLang   lang,
             guint     index)
{
  TrkHandbook *handbook = builder->doc->handbook;
  g_autofree char *citation = trk_handbook_get_reason_citation (handbook, builder->outcome,
                                                                index, lang);
  g_autofree char *numbers = trk_handbook_get_reason_conditions (handbook, builder->outcome,
                                                                 index);
  const char *text = trk_handbook_get_reason_text (handbook, builder->outcome, index, lang);

  if (numbers != NULL)
    {
      /* Translators: a reason that holds for some of the answer sets of an
       * outcome; %1$s is the reason, %2$s their numbers ("1, 3"). */
      g_autofree char *tagged = trk_template_fill (tr (lang, N_("%1$s (answers %2$s)")),
                                                   (const char *[]) { text, numbers }, 2);

      trk_block_add_text (block, column, TRK_STYLE_BODY, TRK_MARK_BULLET, 1, FALSE, tagged);
    }
  else
    trk_block_add_text (block, column, TRK_STYLE_BODY, TRK_MARK_BULLET, 1, FALSE, text);
  trk_block_add_text (block, column, TRK_STYLE_SMALL, TRK_MARK_NONE, 1, FALSE, citation);
}

static void
fill_loop (Builder  *builder,
           TrkBlock *block,
           guint     column,
           TrkLang   lang,
           guint     index)
{
  TrkResult *result = builder->result;
  TrkRuleSet *rules = trk_result_get_rule_set (result);
  guint n = trk_result_get_cycle_length (result);
  g_autofree char *back = NULL;

  trk_block_add_text (block, column, TRK_STYLE_BOX_TITLE, TRK_MARK_NONE, 0, FALSE,
                      tr (lang, N_("Circular dependency: each step waits for the next")));
  for (guint i = 0; i < n; i++)
    trk_block_add_text (block, column, TRK_STYLE_BODY, TRK_MARK_STEP, 1, TRUE,
                        trk_rule_set_get_step_label (rules, trk_result_get_cycle_step (result, i), lang));
  /* Translators: the loop's first step again, where it closes; %s is its name. */
  back = trk_template_fill (tr (lang, N_("%s (the loop closes)")),
                            (const char *[]) { trk_rule_set_get_step_label (
                                                 rules, trk_result_get_cycle_step (result, 0),
                                                 lang) }, 1);
  trk_block_add_text (block, column, TRK_STYLE_BODY, TRK_MARK_STEP, 1, TRUE, back);

  if (trk_result_get_n_ways_out (result) == 0)
    return;
  trk_block_add_text (block, column, TRK_STYLE_STRONG, TRK_MARK_NONE, 0, TRUE, tr (lang, N_("Ways out")));
  for (guint i = 0; i < trk_result_get_n_ways_out (result); i++)
    trk_block_add_text (block, column, TRK_STYLE_BODY, TRK_MARK_BULLET, 1, TRUE,
                        trk_result_get_way_out_text (result, i, lang));
}

static void
fill_item (Builder  *builder,
           TrkBlock *block,
           guint     column,
           TrkLang   lang,
           guint     index)
{
  trk_block_add_text (block, column, TRK_STYLE_BODY, TRK_MARK_TICKBOX, 1, FALSE,
                      trk_result_get_item_text (builder->result, index, lang));
}

static void
fill_warning (Builder  *builder,
              TrkBlock *block,
              guint     column,
              TrkLang   lang,
              guint     index)
{
  gboolean danger = g_strcmp0 (trk_result_get_warning_key (builder->result, index),
                               WARNING_DEPORTATION) == 0;

  if (danger)
    trk_block_add_text (block, column, TRK_STYLE_BOX_TITLE, TRK_MARK_NONE, 0, FALSE,
                        tr (lang, N_("Refusal means deportation")));
  trk_block_add_text (block, column, TRK_STYLE_BODY, danger ? TRK_MARK_NONE : TRK_MARK_BULLET,
                      danger ? 0 : 1, FALSE, trk_result_get_warning_text (builder->result, index, lang));
}

static void
add_outcome (Builder *builder,
             guint    outcome)
{
  TrkHandbook *handbook = builder->doc->handbook;
  TrkResult *result = trk_handbook_get_outcome_result (handbook, outcome);
  guint n_items = trk_result_get_n_items (result);
  guint n_warnings = trk_result_get_n_warnings (result);
  gboolean loop = trk_result_has_cycle (result);
  gboolean any_warning = FALSE;

  builder->result = result;
  builder->outcome = outcome;

  g_ptr_array_add (builder->headings,
                   add_block (builder, TRK_FRAME_NONE, GAP_OUTCOME, TRUE,
                              fill_outcome_heading, 0));
  add_block (builder, TRK_FRAME_OUTCOME, GAP_ITEM, FALSE, fill_statuses, 0);

  add_block (builder, TRK_FRAME_NONE, GAP_SECTION, TRUE, fill_subheading, SUB_WHO);
  for (guint c = 0; c < trk_handbook_get_n_conditions (handbook, outcome); c++)
    add_block (builder, TRK_FRAME_NONE, GAP_LINE, FALSE, fill_condition, c);

  add_block (builder, TRK_FRAME_NONE, GAP_SECTION, TRUE, fill_subheading, SUB_WHY);
  for (guint r = 0; r < trk_handbook_get_n_reasons (handbook, outcome); r++)
    add_block (builder, TRK_FRAME_NONE, GAP_LINE, FALSE, fill_reason, r);

  if (loop)
    add_block (builder, TRK_FRAME_CAUTION, GAP_SECTION, FALSE, fill_loop, 0);

  if (n_items > 0)
    {
      add_block (builder, TRK_FRAME_NONE, GAP_SECTION, TRUE, fill_subheading, SUB_CHECKLIST);
      for (guint i = 0; i < n_items; i++)
        add_block (builder, TRK_FRAME_NONE, GAP_LINE, FALSE, fill_item, i);
    }

  for (guint i = 0; i < n_warnings; i++)
    {
      const char *key = trk_result_get_warning_key (result, i);
      gboolean danger = g_strcmp0 (key, WARNING_DEPORTATION) == 0;

      /* The loop's own warning is its box above. */
      if (loop && g_strcmp0 (key, WARNING_LOOP) == 0)
        continue;
      if (!any_warning)
        add_block (builder, TRK_FRAME_NONE, GAP_SECTION, TRUE, fill_subheading, SUB_WARNINGS);
      any_warning = TRUE;
      add_block (builder, danger ? TRK_FRAME_DANGER : TRK_FRAME_NONE,
                 danger ? GAP_ITEM : GAP_LINE, FALSE, fill_warning, i);
    }
}

static void
set_running (Builder *builder)
{
  for (guint c = 0; c < builder->doc->n_langs; c++)
    {
      TrkLang lang = builder->doc->langs[c];
      g_autofree char *date = trk_lang_date_format_iso (lang, trk_handbook_get_date (builder->doc->handbook));
      g_autofree char *header = g_strconcat (trk_handbook_title (lang), " · ", date, NULL);

      trk_sheet_set_running (builder->sheet, c, header,
                             tr (lang, N_("This handbook is not legal advice. It applies the "
                                          "rules named above to every combination of answers; "
                                          "the migration service decides. Check that the law "
                                          "has not changed before you act.")),
                             /* Translators: page numbers in the footer: page %u of %u pages. */
                             tr (lang, N_("Page %u of %u")));
    }
}

static TrkSheet *
build_once (Doc               *doc,
            double             width,
            double             height,
            double             margin,
            const char *const *languages,
            PangoContext      *context,
            const int         *pages,
            int               *out_pages)
{
  guint n = trk_handbook_get_n_outcomes (doc->handbook);
  g_autoptr(GPtrArray) headings = g_ptr_array_new ();
  Builder builder = { doc, NULL, NULL, 0, pages, headings };

  builder.sheet = trk_sheet_new (width, height, margin, doc->n_langs, languages);
  add_block (&builder, TRK_FRAME_NONE, 0.0, FALSE, fill_title, 0);
  add_block (&builder, TRK_FRAME_NONE, GAP_OUTCOME, TRUE, fill_contents_heading, 0);
  for (guint i = 0; i < n; i++)
    add_block (&builder, TRK_FRAME_NONE, GAP_LINE, FALSE, fill_contents_entry, i);
  for (guint i = 0; i < n; i++)
    add_outcome (&builder, i);
  set_running (&builder);

  trk_sheet_paginate (builder.sheet, context, TRK_CHECKLIST_FONT_FAMILY);
  for (guint i = 0; i < n; i++)
    out_pages[i] = trk_sheet_get_block_page (builder.sheet, g_ptr_array_index (headings, i));

  return builder.sheet;
}

static TrkSheet *
build_sheet (double             width,
             double             height,
             double             margin,
             const char *const *languages,
             PangoContext      *context,
             gpointer           user_data)
{
  Doc *doc = user_data;
  guint n = trk_handbook_get_n_outcomes (doc->handbook);
  g_autofree int *pages = g_new0 (int, MAX (n, 1));
  g_autofree int *found = g_new0 (int, MAX (n, 1));
  TrkSheet *sheet = build_once (doc, width, height, margin, languages, context, NULL, pages);

  for (guint pass = 0; pass < MAX_PASSES; pass++)
    {
      trk_sheet_free (sheet);
      sheet = build_once (doc, width, height, margin, languages, context, pages, found);
      if (memcmp (pages, found, n * sizeof (int)) == 0)
        break;
      memcpy (pages, found, n * sizeof (int));
    }

  return sheet;
}

static void
doc_free (gpointer data)
{
  Doc *doc = data;

  trk_handbook_free (doc->handbook);
  g_free (doc);
}

/**
 * trk_handbook_doc_new:
 * @handbook: (transfer full): the outcomes
 * @langs: (array length=n_langs): one or two languages
 * @n_langs: 1 or 2
 * @paper: A4 or US Letter
 *
 * Returns: (transfer full): a document, not yet paginated
 */
TrkChecklistDoc *
trk_handbook_doc_new (TrkHandbook   *handbook,
                      const TrkLang *langs,
                      guint          n_langs,
                      TrkPaper       paper)
{
  Doc *doc;
  const char *titles[TRK_SHEET_MAX_COLUMNS] = { NULL, };

  g_return_val_if_fail (handbook != NULL, NULL);
  g_return_val_if_fail (langs != NULL && n_langs >= 1 && n_langs <= TRK_SHEET_MAX_COLUMNS, NULL);

  doc = g_new0 (Doc, 1);
  doc->handbook = handbook;
  doc->n_langs = n_langs;
  for (guint i = 0; i < n_langs; i++)
    {
      doc->langs[i] = langs[i];
      titles[i] = trk_handbook_title (langs[i]);
    }

  return _trk_checklist_doc_new_custom (trk_handbook_get_rule_set (handbook), langs, n_langs,
                                        paper, titles, build_sheet, doc, doc_free);
}
