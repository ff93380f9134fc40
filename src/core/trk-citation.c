/* trk-citation.c - sources and citations: how a line names what it rests on
 *
 * A citation groups a clause's cites by source: "Title, pinpoint; Title 2".
 * A press report says so in the reader's language ("reported by zakon.kz on
 * 13 October 2025; the official text was not checked"). Also the sources'
 * own getters and their kinds.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-answers.h"
#include "trk-i18n.h"
#include "trk-lang-date.h"
#include "trk-rule-set-private.h"

/* Pinpoints of @source among the cites from @first on, "p1; p2", deduplicated. */
static void
append_pinpoints (GString         *out,
                  GPtrArray       *cites,
                  guint            first,
                  guint            source,
                  TrkLang          lang)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = first; i < cites->len; i++)
    {
      const TrkCite *cite = g_ptr_array_index (cites, i);
      const char *pin;

      if (cite->source != source || cite->pinpoint.s[TRK_LANG_EN] == NULL)
        continue;
      pin = trk_text_get (&cite->pinpoint, lang);
      if (g_ptr_array_find_with_equal_func (seen, pin, g_str_equal, NULL))
        continue;
      g_string_append (out, seen->len == 0 ? ", " : "; ");
      g_string_append (out, pin);
      g_ptr_array_add (seen, (gpointer) pin);
    }
}

/* "Title, pinpoint": cites of one source are grouped under its title
 * (in the order the sources are first cited); sources are joined by "; ".
 * A press report says so: "(reported by zakon.kz on 13 October 2025; the
 * official text was not checked)". */
char *
_trk_cites_citation (TrkRuleSet *self,
                     GPtrArray  *cites,
                     TrkLang     lang)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cites->len; i++)
    {
      const TrkCite *cite = g_ptr_array_index (cites, i);
      const TrkSource *source = g_ptr_array_index (self->sources, cite->source);
      g_autofree char *described = NULL;
      gboolean earlier = FALSE;

      for (guint j = 0; j < i && !earlier; j++)
        earlier = ((const TrkCite *) g_ptr_array_index (cites, j))->source == cite->source;
      if (earlier)
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, trk_text_get (&source->title, lang));
      append_pinpoints (out, cites, i, cite->source, lang);
      described = trk_rule_set_describe_source (self, cite->source, lang);
      if (described != NULL)
        g_string_append_printf (out, " (%s)", described);
    }
  return g_string_free (out, FALSE);
}

char *
_trk_clause_citation (TrkRuleSet      *self,
                      const TrkClause *clause,
                      TrkLang          lang)
{
  return _trk_cites_citation (self, clause->cites, lang);
}

/* Bit (1 << kind) of each source cited by @cites. */
guint
_trk_cites_kinds (TrkRuleSet *self,
                  GPtrArray  *cites)
{
  guint kinds = 0;

  for (guint i = 0; i < cites->len; i++)
    {
      const TrkCite *cite = g_ptr_array_index (cites, i);

      kinds |= 1u << ((const TrkSource *) g_ptr_array_index (self->sources, cite->source))->kind;
    }
  return kinds;
}

/* ----- targets ----- */

guint
trk_rule_set_get_n_targets (TrkRuleSet *self)
{
  g_return_val_if_fail (TRK_IS_RULE_SET (self), 0);
  return self->targets->len;
}

const char *
trk_rule_set_get_target_id (TrkRuleSet *self,
                            guint       index)
{
  g_return_val_if_fail (TRK_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (index < self->targets->len, NULL);
  return ((const TrkTarget *) g_ptr_array_index (self->targets, index))->id;
}

/* ----- sources ----- */

static const char * const source_kind_names[TRK_N_SOURCE_KINDS] = {
  "legal_update", "press_report", "official",
};

const char *
trk_source_kind_to_string (TrkSourceKind kind)
{
  g_return_val_if_fail ((guint) kind < TRK_N_SOURCE_KINDS, NULL);
  return source_kind_names[kind];
}

gboolean
trk_source_kind_from_string (const char    *name,
                             TrkSourceKind *out_kind)
{
  for (guint i = 0; i < TRK_N_SOURCE_KINDS; i++)
    {
      if (g_strcmp0 (name, source_kind_names[i]) == 0)
        {
          *out_kind = (TrkSourceKind) i;
          return TRUE;
        }
    }
  return FALSE;
}

char *
trk_source_kind_describe (TrkSourceKind kind,
                          TrkLang       lang)
{
  g_return_val_if_fail ((guint) kind < TRK_N_SOURCE_KINDS && lang < TRK_N_LANGS, NULL);

  switch (kind)
    {
    case TRK_SOURCE_LEGAL_UPDATE:
      return g_strdup (trk_i18n_gettext (lang, N_("legal update (a law firm's summary of the law)")));
    case TRK_SOURCE_PRESS_REPORT:
      return g_strdup (trk_i18n_gettext (lang, N_("press report (the official text was not checked)")));
    case TRK_SOURCE_OFFICIAL:
      return g_strdup (trk_i18n_gettext (lang, N_("official text")));
    default:
      g_assert_not_reached ();
    }
}

static const TrkSource *
source_at (TrkRuleSet *self,
           guint       index)
{
  g_return_val_if_fail (TRK_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);
  return g_ptr_array_index (self->sources, index);
}

guint
trk_rule_set_get_n_sources (TrkRuleSet *self)
{
  g_return_val_if_fail (TRK_IS_RULE_SET (self), 0);
  return self->sources->len;
}

const char *
trk_rule_set_get_source_id (TrkRuleSet *self,
                            guint       index)
{
  const TrkSource *source = source_at (self, index);
  return source != NULL ? source->id : NULL;
}

TrkSourceKind
trk_rule_set_get_source_kind (TrkRuleSet *self,
                              guint       index)
{
  const TrkSource *source = source_at (self, index);
  return source != NULL ? source->kind : TRK_SOURCE_LEGAL_UPDATE;
}

const char *
trk_rule_set_get_source_title (TrkRuleSet *self,
                               guint       index,
                               TrkLang     lang)
{
  const TrkSource *source = source_at (self, index);

  g_return_val_if_fail (lang < TRK_N_LANGS, NULL);
  return source != NULL ? trk_text_get (&source->title, lang) : NULL;
}

const char *
trk_rule_set_get_source_date (TrkRuleSet *self,
                              guint       index)
{
  const TrkSource *source = source_at (self, index);
  return source != NULL ? source->date : NULL;
}

const char *
trk_rule_set_get_source_url (TrkRuleSet *self,
                             guint       index)
{
  const TrkSource *source = source_at (self, index);
  return source != NULL ? source->url : NULL;
}

const char *
trk_rule_set_get_source_publisher (TrkRuleSet *self,
                                   guint       index)
{
  const TrkSource *source = source_at (self, index);
  return source != NULL ? source->publisher : NULL;
}

char *
trk_rule_set_describe_source (TrkRuleSet *self,
                              guint       index,
                              TrkLang     lang)
{
  const TrkSource *source = source_at (self, index);
  g_autofree char *date = NULL;
  const char *publisher;
  GDate d;

  g_return_val_if_fail (lang < TRK_N_LANGS, NULL);
  if (source == NULL || source->kind != TRK_SOURCE_PRESS_REPORT)
    return NULL;

  publisher = source->publisher != NULL ? source->publisher : "?";
  if (source->date != NULL && trk_date_parse (source->date, &d))
    date = trk_lang_date_format (lang, &d);
  if (date != NULL)
    /* Translators: how a line resting on a news report is cited:
     * "reported by zakon.kz on 13 October 2025; the official text was not checked". */
    return g_strdup_printf (trk_i18n_gettext (lang, N_("reported by %s on %s; the official text was not checked")),
                            publisher, date);
  /* Translators: as above, for a report whose date is not known. */
  return g_strdup_printf (trk_i18n_gettext (lang, N_("reported by %s; the official text was not checked")),
                          publisher);
}
