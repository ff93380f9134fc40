/* trk-result-text.c - a result as a readable report (evaluate without --json)
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-i18n.h"
#include "trk-result-private.h"

static const char *tr (TrkLang     lang,
                       const char *msgid) G_GNUC_FORMAT (2);

/* Headings in the report's language, whatever the process's language is. */
static const char *
tr (TrkLang     lang,
    const char *msgid)
{
  return trk_i18n_gettext (lang, msgid);
}

static void
text_header (GString   *out,
             TrkResult *self,
             TrkLang    lang)
{
  TrkRuleSet *rs = self->rules;

  g_string_append_printf (out, "%s\n", trk_rule_set_get_title (rs, lang));
  /* Translators: rules id, version and the date they were checked against the law. */
  g_string_append_printf (out, tr (lang, N_("Rules: %s %s (checked %s)")), rs->id, rs->version, rs->checked);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, tr (lang, N_("Assessment date: %s")), self->date);
  g_string_append (out, "\n\n");

  g_string_append_printf (out, "%s\n", tr (lang, N_("Answers:")));
  for (guint i = 0; i < self->n_answers; i++)
    {
      g_autofree char *label = trk_result_get_answer_label (self, i, lang);
      const TrkQuestion *q = trk_result_get_answer_question (self, i);

      /* The question on its line, the answer under it: labels end in "?". */
      g_string_append_printf (out, "  %s\n    %s\n", trk_question_get_label (q, lang), label);
    }
  if (self->n_answers == 0)
    g_string_append_printf (out, "  %s\n", tr (lang, N_("(none needed)")));
}

static void
text_target (GString         *out,
             TrkResult       *self,
             const TrkTarget *target,
             TrkLang          lang)
{
  const char *status = trk_result_get_status (self, target->id);
  guint n = trk_result_get_n_reasons (self, target->id);

  g_string_append_printf (out, "\n%s: %s [%s]\n", trk_text_get (&target->label, lang),
                          trk_rule_set_get_status_label (self->rules, target->id, status, lang), status);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *citation = trk_result_get_reason_citation (self, target->id, i, lang);

      g_string_append_printf (out, "  - %s\n", trk_result_get_reason_text (self, target->id, i, lang));
      g_string_append_printf (out, "    %s ", tr (lang, N_("Source:")));
      g_string_append_printf (out, "%s [%s]\n", citation, trk_result_get_reason_rule (self, target->id, i));
    }
}

static void
text_cycle (GString   *out,
            TrkResult *self,
            TrkLang    lang)
{
  TrkRuleSet *rs = self->rules;

  g_string_append_printf (out, "\n%s ", tr (lang, N_("Circular dependency:")));
  if (self->n_cycle == 0)
    {
      g_string_append_printf (out, "%s\n", tr (lang, N_("not detected")));
      return;
    }
  g_string_append_printf (out, "%s\n", tr (lang, N_("detected")));
  for (guint i = 0; i < self->n_cycle; i++)
    {
      const char *step = trk_result_get_cycle_step (self, i);
      const char *next = trk_result_get_cycle_step (self, (i + 1) % self->n_cycle);

      /* Translators: a step of the loop: "IIN needs Presence in Kazakhstan". */
      g_string_append_printf (out, "  %u. ", i + 1);
      g_string_append_printf (out, tr (lang, N_("%s needs %s")), trk_rule_set_get_step_label (rs, step, lang),
                              trk_rule_set_get_step_label (rs, next, lang));
      g_string_append_printf (out, ": %s\n", trk_result_get_cycle_link_text (self, i, lang));
    }
  g_string_append_printf (out, "  %s\n", tr (lang, N_("Ways out:")));
  for (guint i = 0; i < self->n_ways; i++)
    {
      g_autofree char *citation = trk_result_get_way_out_citation (self, i, lang);

      g_string_append_printf (out, "    - %s (%s)\n", trk_result_get_way_out_text (self, i, lang),
                              trk_result_get_way_out_answer (self, i));
      if (citation != NULL)
        g_string_append_printf (out, "      %s %s\n", tr (lang, N_("Source:")), citation);
    }
  if (self->n_ways == 0)
    g_string_append_printf (out, "    - %s\n", tr (lang, N_("none found in your answers")));
}

/* Each source: its title, kind, date and address, so that a reader can
 * tell a law firm's summary from a press report. */
static void
text_sources (GString   *out,
              TrkResult *self,
              TrkLang    lang)
{
  g_autoptr(GArray) sources = _trk_result_sources (self);

  g_string_append_printf (out, "\n%s\n", tr (lang, N_("Sources:")));
  for (guint i = 0; i < sources->len; i++)
    {
      guint s = g_array_index (sources, guint, i);
      const TrkSource *source = g_ptr_array_index (self->rules->sources, s);
      g_autofree char *kind = trk_source_kind_describe (source->kind, lang);

      g_string_append_printf (out, "  [%u] %s\n      %s", i + 1, trk_text_get (&source->title, lang), kind);
      if (source->publisher != NULL)
        g_string_append_printf (out, ", %s", source->publisher);
      if (source->date != NULL)
        g_string_append_printf (out, ", %s", source->date);
      g_string_append_c (out, '\n');
      if (source->url != NULL)
        g_string_append_printf (out, "      %s\n", source->url);
    }
}

/**
 * trk_result_to_text:
 *
 * Returns: (transfer full): a readable report in @lang
 */
char *
trk_result_to_text (TrkResult *self,
                    TrkLang    lang)
{
  GString *out;

  g_return_val_if_fail (self != NULL && lang < TRK_N_LANGS, NULL);

  out = g_string_new (NULL);
  text_header (out, self, lang);
  for (guint t = 0; t < self->rules->targets->len; t++)
    text_target (out, self, g_ptr_array_index (self->rules->targets, t), lang);
  text_cycle (out, self, lang);

  g_string_append_printf (out, "\n%s\n", tr (lang, N_("Checklist:")));
  for (guint i = 0; i < self->n_items; i++)
    g_string_append_printf (out, "  [ ] %s\n", trk_result_get_item_text (self, i, lang));
  if (self->n_items == 0)
    g_string_append_printf (out, "  %s\n", tr (lang, N_("(nothing to do)")));

  g_string_append_printf (out, "\n%s\n", tr (lang, N_("Warnings:")));
  for (guint i = 0; i < self->n_warnings; i++)
    g_string_append_printf (out, "  ! %s\n", trk_result_get_warning_text (self, i, lang));
  if (self->n_warnings == 0)
    g_string_append_printf (out, "  %s\n", tr (lang, N_("(no warnings)")));
  text_sources (out, self, lang);
  return g_string_free (out, FALSE);
}
