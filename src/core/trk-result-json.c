/* trk-result-json.c - a result as the contract's JSON ("evaluate --json")
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "trk-result-private.h"

/* "sources": the ids of the sources @clause cites; a warning on what the
 * result rests on also names the sources of those kinds the rest cites. */
static void
json_sources_of (JsonBuilder     *b,
                 TrkResult       *self,
                 const TrkClause *clause)
{
  TrkRuleSet *rs = self->rules;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  guint64 seen = 0;
  guint64 kinds = clause->kind == TRK_CLAUSE_WARNING ? _trk_result_rests_on_mask (rs, clause) : 0;

  _trk_result_add_cited (ids, &seen, clause->cites);
  if (kinds != 0)
    {
      g_autoptr(GArray) all = _trk_result_sources (self);

      for (guint i = 0; i < all->len; i++)
        {
          guint s = g_array_index (all, guint, i);
          const TrkSource *source = g_ptr_array_index (rs->sources, s);

          if (((kinds >> source->kind) & 1) && !((seen >> s) & 1))
            {
              seen |= G_GUINT64_CONSTANT (1) << s;
              g_array_append_val (ids, s);
            }
        }
    }
  json_builder_set_member_name (b, "sources");
  json_builder_begin_array (b);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_string_value (b, ((const TrkSource *) g_ptr_array_index (rs->sources,
                                                                                g_array_index (ids, guint, i)))->id);
  json_builder_end_array (b);
}

static void
json_source_list (JsonBuilder *b,
                  TrkResult   *self,
                  TrkLang      lang)
{
  TrkRuleSet *rs = self->rules;
  g_autoptr(GArray) sources = _trk_result_sources (self);

  json_builder_set_member_name (b, "sources");
  json_builder_begin_array (b);
  for (guint i = 0; i < sources->len; i++)
    {
      const TrkSource *source = g_ptr_array_index (rs->sources, g_array_index (sources, guint, i));

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, source->id);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, trk_text_get (&source->title, lang));
      json_builder_set_member_name (b, "date");
      json_builder_add_string_value (b, source->date != NULL ? source->date : "");
      json_builder_set_member_name (b, "url");
      json_builder_add_string_value (b, source->url != NULL ? source->url : "");
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, trk_source_kind_to_string (source->kind));
      if (source->publisher != NULL)
        {
          json_builder_set_member_name (b, "publisher");
          json_builder_add_string_value (b, source->publisher);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_reasons (JsonBuilder *b,
              TrkResult   *self,
              const char  *target,
              TrkLang      lang)
{
  guint n = trk_result_get_n_reasons (self, target);

  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *citation = trk_result_get_reason_citation (self, target, i, lang);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "rule");
      json_builder_add_string_value (b, trk_result_get_reason_rule (self, target, i));
      json_builder_set_member_name (b, "citation");
      json_builder_add_string_value (b, citation);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, trk_result_get_reason_text (self, target, i, lang));
      json_sources_of (b, self, _trk_result_reason_clause (self, target, i));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_cycle (JsonBuilder *b,
            TrkResult   *self)
{
  json_builder_set_member_name (b, "circular_dependency");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "detected");
  json_builder_add_boolean_value (b, self->n_cycle > 0);
  json_builder_set_member_name (b, "cycle");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->n_cycle; i++)
    json_builder_add_string_value (b, trk_result_get_cycle_step (self, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "ways_out");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->n_ways; i++)
    json_builder_add_string_value (b, trk_result_get_way_out_answer (self, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* "checklist" or "warnings": { id, text, sources } of each clause. */
static void
json_list (JsonBuilder     *b,
           TrkResult       *self,
           const char      *name,
           GPtrArray       *clauses,
           const guint16   *indices,
           guint            n,
           TrkLang          lang)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      const TrkClause *clause = trk_rule_set_clause (clauses, indices[i]);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, clause->key);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, trk_text_get (&clause->text, lang));
      json_sources_of (b, self, clause);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_header (JsonBuilder *b,
             TrkResult   *self)
{
  json_builder_set_member_name (b, "date");
  json_builder_add_string_value (b, self->date);
  json_builder_set_member_name (b, "rules");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, self->rules->id);
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, self->rules->version);
  json_builder_set_member_name (b, "checked");
  json_builder_add_string_value (b, self->rules->checked);
  json_builder_end_object (b);
}

/**
 * trk_result_to_json:
 *
 * Returns: (transfer full): the contract's JSON, texts in @lang
 */
char *
trk_result_to_json (TrkResult *self,
                    TrkLang    lang)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (self != NULL && lang < TRK_N_LANGS, NULL);

  json_builder_begin_object (b);
  json_header (b, self);
  for (guint t = 0; t < self->rules->targets->len; t++)
    {
      const TrkTarget *target = g_ptr_array_index (self->rules->targets, t);

      json_builder_set_member_name (b, target->id);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, trk_result_get_status (self, target->id));
      json_builder_set_member_name (b, "reasons");
      json_reasons (b, self, target->id, lang);
      json_builder_end_object (b);
    }
  json_cycle (b, self);
  json_list (b, self, "checklist", self->rules->items, self->items, self->n_items, lang);
  json_list (b, self, "warnings", self->rules->warnings, self->warnings, self->n_warnings, lang);
  json_source_list (b, self, lang);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json = json_generator_to_data (gen, NULL);
  return g_strconcat (json, "\n", NULL);
}

