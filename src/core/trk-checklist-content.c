/* trk-checklist-content.c - what the checklist says, as blocks of a sheet
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every block is filled once per column, each column in its language, by
 * the same code: so paragraph k means the same thing in both columns and
 * the layout can keep them side by side.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-answers.h"
#include "trk-checklist-content-private.h"
#include "trk-i18n.h"
#include "trk-lang-date.h"
#include "trk-template.h"

#define GAP_SECTION 11.0
#define GAP_ITEM     2.5
#define GAP_LINE     2.5

#define WARNING_DEPORTATION "refusal_deportation"
#define WARNING_LOOP        "circular_dependency"

typedef struct
{
  TrkSheet      *sheet;
  TrkResult     *result;
  TrkRuleSet    *rules;
  const TrkLang *langs;
  guint          n_langs;
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
_trk_checklist_content_title (TrkLang lang)
{
  return tr (lang, N_("Checklist: fingerprint registration in Kazakhstan"));
}

const char *
_trk_checklist_content_subject (TrkLang lang)
{
  return tr (lang, N_("Whether dactyloscopy registration applies, why, and what to bring"));
}

/* A paragraph right below the one above it, in its own column. */
static void
add_text (TrkBlock   *block,
          guint       column,
          TrkStyle    style,
          TrkMark     mark,
          guint       indent,
          const char *text)
{
  trk_block_add_text (block, column, style, mark, indent, FALSE, text);
}

/* A text and, at its end in small grey type, its short citation ("[1]
 * case 6: visas"), if any: the citation stays with its text. */
static void
add_cited (TrkBlock   *block,
           guint       column,
           TrkMark     mark,
           guint       indent,
           gboolean    row,
           const char *text,
           const char *citation)
{
  g_autofree char *markup = NULL;

  if (citation == NULL || citation[0] == '\0')
    markup = g_markup_escape_text (text != NULL ? text : "", -1);
  else
    markup = g_markup_printf_escaped ("%s <span size=\"smaller\" foreground=\"#5c5c61\">%s</span>",
                                      text != NULL ? text : "", citation);
  trk_block_add (block, column, TRK_STYLE_BODY, mark, indent, row, markup);
}

/* A paragraph level with its counterpart in the other column. */
static void
add_row (TrkBlock   *block,
         guint       column,
         TrkStyle    style,
         TrkMark     mark,
         guint       indent,
         const char *text)
{
  trk_block_add_text (block, column, style, mark, indent, TRUE, text);
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

  for (guint c = 0; c < builder->n_langs; c++)
    fill (builder, block, c, builder->langs[c], index);

  trk_sheet_add_block (builder->sheet, block);
  return block;
}

/* An item of a list (checklist, warnings, reasons, answers, sources). */
static void
add_list_item (Builder  *builder,
               double    gap,
               FillFunc  fill,
               guint     index)
{
  trk_block_set_list_item (add_block (builder, TRK_FRAME_NONE, gap, FALSE, fill, index), TRUE);
}

/* ---- headings ---- */

static const char *const headings[] = {
  N_("Your answers"),
  N_("Why: the rules and the law"),
  N_("What to bring and where to go"),
  N_("Warnings"),
  N_("Sources"),
};

enum { HEADING_ANSWERS, HEADING_REASONS, HEADING_CHECKLIST, HEADING_WARNINGS, HEADING_SOURCES };

static void
fill_heading (Builder  *builder,
              TrkBlock *block,
              guint     column,
              TrkLang   lang,
              guint     index)
{
  add_text (block, column, TRK_STYLE_HEADING, TRK_MARK_NONE, 0, tr (lang, headings[index]));
}

static void
add_heading (Builder *builder,
             guint    index)
{
  add_block (builder, TRK_FRAME_NONE, GAP_SECTION, TRUE, fill_heading, index);
}

/* ---- title, date, rules ---- */

static void
fill_title (Builder  *builder,
            TrkBlock *block,
            guint     column,
            TrkLang   lang,
            guint     index)
{
  g_autofree char *date = trk_lang_date_format_iso (lang, trk_result_get_date (builder->result));
  g_autofree char *checked = trk_lang_date_format_iso (lang, trk_rule_set_get_checked (builder->rules));
  const char *date_args[] = { date };
  const char *rules_args[] = { trk_rule_set_get_id (builder->rules),
                               trk_rule_set_get_version (builder->rules), checked };
  g_autofree char *date_line = NULL;
  g_autofree char *rules_line = NULL;

  if (builder->n_langs > 1)
    {
      g_autofree char *name = g_utf8_strup (trk_lang_native_name (lang), -1);

      add_text (block, column, TRK_STYLE_LANG_TAG, TRK_MARK_NONE, 0, name);
    }

  /* Translators: %s is a date such as "28 November 2026". */
  date_line = trk_template_fill (tr (lang, N_("Assessment date: %s")), date_args, 1);
  /* Translators: %1$s is the rules' id, %2$s their version, %3$s a date. */
  rules_line = trk_template_fill (tr (lang, N_("Rules: %1$s, version %2$s, "
                                           "checked against the law on %3$s")),
                              rules_args, 3);

  add_row (block, column, TRK_STYLE_TITLE, TRK_MARK_NONE, 0,
           _trk_checklist_content_title (lang));
  add_row (block, column, TRK_STYLE_META, TRK_MARK_NONE, 0, date_line);
  add_text (block, column, TRK_STYLE_META, TRK_MARK_NONE, 0, rules_line);
}

/* ---- the answers that decided the outcome ---- */

static void
fill_answer (Builder  *builder,
             TrkBlock *block,
             guint     column,
             TrkLang   lang,
             guint     index)
{
  TrkQuestion *question = trk_result_get_answer_question (builder->result, index);
  g_autofree char *answer = trk_result_get_answer_label (builder->result, index, lang);
  const char *label = trk_question_get_label (question, lang);
  gsize len = strlen (label);
  gboolean punctuated = len > 0 && strchr ("?:.", label[len - 1]) != NULL;
  g_autofree char *markup = g_markup_printf_escaped ("%s%s <b>%s</b>", label,
                                                     punctuated ? "" : ":", answer);

  trk_block_add (block, column, TRK_STYLE_BODY, TRK_MARK_BULLET, 1, FALSE, markup);
}

static void
add_answers (Builder *builder)
{
  guint n = trk_result_get_n_answers (builder->result);

  if (n == 0)
    return;

  add_heading (builder, HEADING_ANSWERS);
  for (guint i = 0; i < n; i++)
    add_list_item (builder, GAP_LINE, fill_answer, i);
}

/* ---- the outcome and its reasons ---- */

/* The status in large words (its label names what it is about: "You
 * need an IIN and ..."), level in both columns. */
static void
add_status (Builder  *builder,
            TrkBlock *block,
            guint     column,
            TrkLang   lang,
            guint     target)
{
  const char *id = trk_rule_set_get_target_id (builder->rules, target);
  const char *status = trk_result_get_status (builder->result, id);
  g_autofree char *markup = NULL;

  markup = g_markup_printf_escaped ("<b>%s</b>", trk_rule_set_get_status_label (builder->rules,
                                                                              id, status, lang));
  trk_block_add (block, column, TRK_STYLE_STATUS, TRK_MARK_NONE, 0, TRUE, markup);
}

static void
fill_outcome (Builder  *builder,
              TrkBlock *block,
              guint     column,
              TrkLang   lang,
              guint     index)
{
  add_text (block, column, TRK_STYLE_BOX_TITLE, TRK_MARK_NONE, 0, tr (lang, N_("Outcome")));
  for (guint t = 0; t < trk_rule_set_get_n_targets (builder->rules); t++)
    add_status (builder, block, column, lang, t);
}

/* @index: target in the high bits, reason in the low 16. */
static void
fill_reason (Builder  *builder,
             TrkBlock *block,
             guint     column,
             TrkLang   lang,
             guint     index)
{
  const char *target = trk_rule_set_get_target_id (builder->rules, index >> 16);
  guint reason = index & 0xffff;
  g_autofree char *citation = trk_result_get_short_citation (builder->result, TRK_CITED_REASON,
                                                             target, reason, lang);

  add_cited (block, column, TRK_MARK_BULLET, 1, FALSE,
             trk_result_get_reason_text (builder->result, target, reason, lang), citation);
}

static void
add_reasons (Builder *builder)
{
  add_heading (builder, HEADING_REASONS);
  for (guint t = 0; t < trk_rule_set_get_n_targets (builder->rules); t++)
    {
      guint n = MIN (trk_result_get_n_reasons (builder->result,
                                               trk_rule_set_get_target_id (builder->rules, t)), 0xffff);

      for (guint r = 0; r < n; r++)
        add_list_item (builder, GAP_ITEM, fill_reason, (t << 16) | r);
    }
}

/* ---- the circular dependency ---- */

static int
find_warning (TrkResult  *result,
              const char *key)
{
  for (guint i = 0; i < trk_result_get_n_warnings (result); i++)
    if (g_strcmp0 (trk_result_get_warning_key (result, i), key) == 0)
      return (int) i;

  return -1;
}

static void
add_loop_steps (Builder  *builder,
                TrkBlock *block,
                guint     column,
                TrkLang   lang)
{
  guint n = trk_result_get_cycle_length (builder->result);
  const char *first = trk_result_get_cycle_step (builder->result, 0);
  g_autofree char *back = NULL;

  for (guint i = 0; i < n; i++)
    {
      const char *step = trk_result_get_cycle_step (builder->result, i);

      /* The step in bold, then why it needs the next one. */
      g_autofree char *markup = g_markup_printf_escaped (
        "<b>%s</b> — %s", trk_rule_set_get_step_label (builder->rules, step, lang),
        trk_result_get_cycle_link_text (builder->result, i, lang));

      trk_block_add (block, column, TRK_STYLE_BODY, TRK_MARK_STEP_ARROW, 1, TRUE, markup);
    }

  /* Translators: the loop's first step again, where it closes; %s is its name. */
  back = trk_template_fill (tr (lang, N_("%s (the loop closes)")),
                            (const char *[]) { trk_rule_set_get_step_label (builder->rules,
                                                                            first, lang) }, 1);
  add_row (block, column, TRK_STYLE_STRONG, TRK_MARK_STEP, 1, back);
}

static void
fill_loop (Builder  *builder,
           TrkBlock *block,
           guint     column,
           TrkLang   lang,
           guint     index)
{
  int warning = find_warning (builder->result, WARNING_LOOP);

  add_text (block, column, TRK_STYLE_BOX_TITLE, TRK_MARK_NONE, 0,
            tr (lang, N_("Circular dependency: each step waits for the next")));
  if (warning >= 0)
    {
      g_autofree char *citation = trk_result_get_short_citation (builder->result,
                                                                 TRK_CITED_WARNING, NULL,
                                                                 (guint) warning, lang);

      add_cited (block, column, TRK_MARK_NONE, 0, TRUE,
                 trk_result_get_warning_text (builder->result, (guint) warning, lang), citation);
    }

  add_loop_steps (builder, block, column, lang);

  if (trk_result_get_n_ways_out (builder->result) == 0)
    return;
  add_row (block, column, TRK_STYLE_STRONG, TRK_MARK_NONE, 0, tr (lang, N_("Ways out")));
  trk_block_set_tag (block, column, "H3");
  for (guint i = 0; i < trk_result_get_n_ways_out (builder->result); i++)
    {
      g_autofree char *citation = trk_result_get_short_citation (builder->result,
                                                                 TRK_CITED_WAY_OUT, NULL, i, lang);

      /* A route (a pilot project) says which reports it rests on. */
      add_cited (block, column, TRK_MARK_BULLET, 1, TRUE,
                 trk_result_get_way_out_text (builder->result, i, lang), citation);
    }
}

static void
add_outcome (Builder *builder)
{
  add_block (builder, TRK_FRAME_OUTCOME, GAP_SECTION, FALSE, fill_outcome, 0);
}

/* The loop that blocks the way, if any, and its ways out. */
static void
add_loop (Builder *builder)
{
  if (trk_result_has_cycle (builder->result))
    add_block (builder, TRK_FRAME_CAUTION, GAP_SECTION, FALSE, fill_loop, 0);
}

/* ---- the checklist ---- */

static void
fill_item (Builder  *builder,
           TrkBlock *block,
           guint     column,
           TrkLang   lang,
           guint     index)
{
  g_autofree char *citation = trk_result_get_short_citation (builder->result, TRK_CITED_ITEM,
                                                             NULL, index, lang);

  add_cited (block, column, TRK_MARK_TICKBOX, 1, FALSE,
             trk_result_get_item_text (builder->result, index, lang), citation);
}

static void
add_checklist (Builder *builder)
{
  guint n = trk_result_get_n_items (builder->result);

  if (n == 0)
    return;

  add_heading (builder, HEADING_CHECKLIST);
  for (guint i = 0; i < n; i++)
    add_list_item (builder, GAP_ITEM, fill_item, i);
}

/* ---- warnings ---- */

static void
fill_warning (Builder  *builder,
              TrkBlock *block,
              guint     column,
              TrkLang   lang,
              guint     index)
{
  g_autofree char *citation = trk_result_get_short_citation (builder->result, TRK_CITED_WARNING,
                                                             NULL, index, lang);
  const char *key = trk_result_get_warning_key (builder->result, index);

  if (g_strcmp0 (key, WARNING_DEPORTATION) == 0)
    {
      add_text (block, column, TRK_STYLE_BOX_TITLE, TRK_MARK_NONE, 0,
                tr (lang, N_("Refusal means deportation")));
      trk_block_set_tag (block, column, "H3");
      add_cited (block, column, TRK_MARK_NONE, 0, FALSE,
                 trk_result_get_warning_text (builder->result, index, lang), citation);
      return;
    }

  add_cited (block, column, TRK_MARK_BULLET, 1, FALSE,
             trk_result_get_warning_text (builder->result, index, lang), citation);
}

/* The loop's own warning is already in the loop's box. */
static gboolean
warning_shown_apart (Builder *builder,
                     guint    index)
{
  return trk_result_has_cycle (builder->result)
         && g_strcmp0 (trk_result_get_warning_key (builder->result, index), WARNING_LOOP) == 0;
}

static void
add_warnings (Builder *builder)
{
  guint n = trk_result_get_n_warnings (builder->result);
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      gboolean framed;

      if (warning_shown_apart (builder, i))
        continue;
      if (!any)
        add_heading (builder, HEADING_WARNINGS);
      any = TRUE;
      framed = g_strcmp0 (trk_result_get_warning_key (builder->result, i),
                          WARNING_DEPORTATION) == 0;
      if (framed)
        add_block (builder, TRK_FRAME_DANGER, GAP_SECTION / 2, FALSE, fill_warning, i);
      else
        add_list_item (builder, GAP_ITEM, fill_warning, i);
    }
}

/* ---- sources ---- */

/* "Legal update (a law firm's summary of the law) · 23 December 2023 ·
 * Aequitas"; a press report says who reported it and that the official
 * text was not checked. */
static char *
source_kind_line (Builder *builder,
                  guint    source,
                  TrkLang  lang)
{
  TrkRuleSet *rules = builder->rules;
  g_autofree char *reported = trk_rule_set_describe_source (rules, source, lang);
  g_autofree char *kind = NULL;
  g_autofree char *date = NULL;
  const char *publisher = trk_rule_set_get_source_publisher (rules, source);
  GString *out;

  if (reported != NULL)
    /* Translators: a source in the checklist's list of sources; %s is
     * "reported by zakon.kz on 13 October 2025; the official text was not checked". */
    return trk_template_fill (tr (lang, N_("Press report: %s")), (const char *[]) { reported }, 1);

  kind = trk_source_kind_describe (trk_rule_set_get_source_kind (rules, source), lang);
  out = g_string_new (NULL);
  g_string_append_unichar (out, g_unichar_totitle (g_utf8_get_char (kind)));
  g_string_append (out, g_utf8_next_char (kind));
  if (trk_rule_set_get_source_date (rules, source) != NULL)
    {
      date = trk_lang_date_format_iso (lang, trk_rule_set_get_source_date (rules, source));
      g_string_append_printf (out, " · %s", date);
    }
  if (publisher != NULL)
    g_string_append_printf (out, " · %s", publisher);

  return g_string_free (out, FALSE);
}

/* [n] Title, then its kind, date and who published it, then its address
 * as a link. The only place where a source's full title is printed. */
static void
fill_source (Builder  *builder,
             TrkBlock *block,
             guint     column,
             TrkLang   lang,
             guint     index)
{
  guint source = trk_result_get_source (builder->result, index);
  const char *url = trk_rule_set_get_source_url (builder->rules, source);
  g_autofree char *kind = source_kind_line (builder, source, lang);
  g_autofree char *title = g_markup_printf_escaped (
    "<b>[%u]</b>\u00a0<span foreground=\"#1c1c1f\">%s.</span> %s", index + 1,
    trk_rule_set_get_source_title (builder->rules, source, lang), kind);
  g_autofree char *link = NULL;

  trk_block_add (block, column, TRK_STYLE_SMALL, TRK_MARK_NONE, 0, FALSE, title);
  if (url == NULL)
    {
      add_text (block, column, TRK_STYLE_SMALL, TRK_MARK_NONE, 0, NULL);
      return;
    }
  link = g_markup_printf_escaped ("<span foreground=\"#1c4f91\" underline=\"single\">%s</span>",
                                  url);
  trk_block_add (block, column, TRK_STYLE_SMALL, TRK_MARK_NONE, 0, FALSE, link);
  trk_block_set_link (block, column, url);
}

static void
add_sources (Builder *builder)
{
  guint n = trk_result_get_n_sources (builder->result);

  if (n == 0)
    return;

  add_heading (builder, HEADING_SOURCES);
  for (guint i = 0; i < n; i++)
    add_list_item (builder, GAP_ITEM, fill_source, i);
}

/* ---- running header and footer ---- */

char *
_trk_checklist_content_header (TrkResult *result,
                               TrkLang    lang)
{
  g_autofree char *date = trk_lang_date_format_iso (lang, trk_result_get_date (result));

  return g_strconcat (_trk_checklist_content_title (lang), " · ", date, NULL);
}

const char *
_trk_checklist_content_footer (TrkLang lang)
{
  return tr (lang, N_("This checklist is not legal advice. It applies the rules named "
                      "above to the answers given; the migration service decides. Check "
                      "that the law has not changed before you act."));
}

const char *
_trk_checklist_content_page_template (TrkLang lang)
{
  /* Translators: page numbers in the footer: page %u of %u pages. */
  return tr (lang, N_("Page %u of %u"));
}

static void
set_running (Builder *builder)
{
  for (guint c = 0; c < builder->n_langs; c++)
    {
      TrkLang lang = builder->langs[c];
      g_autofree char *header = _trk_checklist_content_header (builder->result, lang);

      trk_sheet_set_running (builder->sheet, c, header, _trk_checklist_content_footer (lang),
                             _trk_checklist_content_page_template (lang));
    }
}

void
_trk_checklist_content_build (TrkSheet      *sheet,
                              TrkResult     *result,
                              const TrkLang *langs,
                              guint          n_langs)
{
  Builder builder = { sheet, result, trk_result_get_rule_set (result), langs, n_langs };

  /* For the reader at the counter: what applies and what to do first,
   * then what to watch for, then why, and last the sources. */
  add_block (&builder, TRK_FRAME_NONE, 0.0, FALSE, fill_title, 0);
  add_outcome (&builder);
  add_checklist (&builder);
  add_warnings (&builder);
  add_loop (&builder);
  add_reasons (&builder);
  add_answers (&builder);
  add_sources (&builder);
  set_running (&builder);
}
