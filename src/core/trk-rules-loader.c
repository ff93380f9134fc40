/* trk-rules-loader.c - rules XML -> compiled TrkRuleSet, with semantic checks
 *
 * Order of checks: hardened parse (trk-xml.c), root and format version,
 * RelaxNG schema (from the core's GResource), then what the schema cannot
 * say: ids defined once and defined before use, real calendar dates,
 * min <= max, conditions that fit their question's type, `outcome` only on
 * targets decided earlier, `loop` only in checklist items and warnings.
 * Every error reads "NAME:LINE: message".
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "trk-answers.h"
#include "trk-rule-set-private.h"
#include "trk-rules-loader-private.h"
#include "trk-xml-private.h"

#define RULES_MAX_SIZE (4 * 1024 * 1024)
#define RULES_MAX_DEPTH 64
#define RULES_FORMAT "1"

static gboolean
check_root (Loader   *ld,
            xmlNode  *root,
            GError  **error)
{
  g_autofree char *format = NULL;

  if (root == NULL || !_trk_ld_is_element (root, "tirkeu-rules") || root->ns != NULL)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, root,
                         _("the root element must be <tirkeu-rules> (without a namespace)"));

  format = _trk_ld_attr (root, "format");
  if (format == NULL || strcmp (format, RULES_FORMAT) != 0)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, root,
                         _("unsupported rules format “%s” (this program reads format %s)"),
                         format != NULL ? format : "", RULES_FORMAT);
  return TRUE;
}

/* ===== header and sources ===== */

static gboolean
load_header (Loader   *ld,
             xmlNode  *root,
             GError  **error)
{
  TrkRuleSet *rs = ld->rs;
  GDate date;

  rs->id = _trk_ld_attr (root, "id");
  rs->version = _trk_ld_attr (root, "version");
  rs->checked = _trk_ld_attr (root, "checked");
  if (rs->checked == NULL || !trk_date_parse (rs->checked, &date))
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, root,
                         _("<tirkeu-rules> checked=\"%s\" is not a real calendar date (YYYY-MM-DD)"),
                         rs->checked != NULL ? rs->checked : "");
  return _trk_ld_load_text (ld, root, "title", TRUE, &rs->title, error);
}

static gint
source_index (TrkRuleSet *rs,
              const char *id)
{
  for (guint i = 0; i < rs->sources->len; i++)
    {
      if (strcmp (((TrkSource *) g_ptr_array_index (rs->sources, i))->id, id) == 0)
        return (gint) i;
    }
  return -1;
}

static gboolean
load_source (Loader   *ld,
             xmlNode  *node,
             GError  **error)
{
  TrkSource *source = g_new0 (TrkSource, 1);
  g_autofree char *kind = NULL;
  guint32 jd;

  source->id = _trk_ld_attr (node, "id");
  source->line = _trk_xml_line (node);
  if (source_index (ld->rs, source->id) >= 0)
    {
      _trk_ld_fail (ld, error, TRK_RULES_ERROR_DUPLICATE_ID, node, _("duplicate source id “%s”"), source->id);
      g_free (source->id);
      g_free (source);
      return FALSE;
    }
  g_ptr_array_add (ld->rs->sources, source);
  source->date = _trk_ld_attr (node, "date");
  source->url = _trk_ld_attr (node, "url");
  source->publisher = _trk_ld_attr (node, "publisher");
  kind = _trk_ld_attr (node, "kind");
  if (!trk_source_kind_from_string (kind, &source->kind))
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                         _("<source> “%s”: kind=\"%s\" is not legal_update, press_report or official"),
                         source->id, kind != NULL ? kind : "");
  if (source->kind == TRK_SOURCE_PRESS_REPORT && (source->publisher == NULL || source->url == NULL))
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                         _("<source> “%s”: a press report needs its publisher and its address (url)"), source->id);
  /* A source's own date is not a date the law changes on: not a key date. */
  if (!_trk_ld_parse_date (ld, node, "date", &jd, error))
    return FALSE;
  return _trk_ld_load_text (ld, node, "title", TRUE, &source->title, error);
}

static gboolean
load_cite (Loader     *ld,
           xmlNode    *node,
           GPtrArray  *cites,
           GError    **error)
{
  TrkCite *cite = g_new0 (TrkCite, 1);
  g_autofree char *source = _trk_ld_attr (node, "source");
  gint s = source_index (ld->rs, source != NULL ? source : "");

  g_ptr_array_add (cites, cite);
  cite->line = _trk_xml_line (node);
  cite->quote = _trk_ld_attr (node, "quote");
  if (s < 0)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
                         _("<cite> refers to unknown source “%s”"), source != NULL ? source : "");
  cite->source = (guint) s;
  if (cite->quote == NULL || _trk_xml_is_blank ((const xmlChar *) cite->quote))
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node, _("<cite> has an empty quote"));
  return _trk_ld_load_text (ld, node, "pinpoint", FALSE, &cite->pinpoint, error);
}

/* ===== questions ===== */

static char *
question_allowed (const TrkQuestion *q)
{
  GString *out;

  if (q->kind == TRK_QUESTION_INTEGER)
    return g_strdup_printf ("%d..%d", q->min, q->max);

  out = g_string_new (NULL);
  for (guint i = 0; i < q->choices->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "",
                            ((TrkChoice *) g_ptr_array_index (q->choices, i))->value);
  return g_string_free (out, FALSE);
}

static gboolean
load_choice (Loader       *ld,
             TrkQuestion  *q,
             xmlNode      *node,
             GError      **error)
{
  TrkChoice *choice = g_new0 (TrkChoice, 1);

  choice->value = _trk_ld_attr (node, "value");
  if (_trk_ld_choice_index (q, choice->value) >= 0)
    {
      _trk_ld_fail (ld, error, TRK_RULES_ERROR_DUPLICATE_ID, node,
                    _("question “%s” has the value “%s” twice"), q->id, choice->value);
      g_free (choice->value);
      g_free (choice);
      return FALSE;
    }
  g_ptr_array_add (q->choices, choice);
  if (!_trk_ld_check_count (ld, node, q->choices->len - 1, TRK_MAX_CHOICES, error))
    return FALSE;
  q->choice_key[q->choices->len - 1] = TRK_KEY (choice->value[0], strlen (choice->value));
  return _trk_ld_load_text (ld, node, "label", TRUE, &choice->label, error)
         && _trk_ld_load_text (ld, node, "help", FALSE, &choice->help, error);
}

static gboolean
load_integer_range (Loader       *ld,
                    TrkQuestion  *q,
                    xmlNode      *node,
                    GError      **error)
{
  g_autofree char *min = _trk_ld_attr (node, "min");
  g_autofree char *max = _trk_ld_attr (node, "max");

  q->min = (int) g_ascii_strtoll (min != NULL ? min : "0", NULL, 10);
  q->max = (int) g_ascii_strtoll (max != NULL ? max : "0", NULL, 10);
  if (q->min > q->max)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                         _("question “%s”: min (%d) > max (%d)"), q->id, q->min, q->max);
  return TRUE;
}

static gboolean
load_question (Loader   *ld,
               xmlNode  *node,
               GError  **error)
{
  TrkRuleSet *rs = ld->rs;
  TrkQuestion *q = g_new0 (TrkQuestion, 1);
  g_autofree char *type = _trk_ld_attr (node, "type");
  g_autofree char *optional = _trk_ld_attr (node, "optional");

  q->id = _trk_ld_attr (node, "id");
  q->index = rs->questions->len;
  q->line = _trk_xml_line (node);
  q->ask_when = TRK_COND_NONE;
  q->choices = _trk_choice_array_new ();
  g_ptr_array_add (rs->questions, q);
  if (!_trk_ld_check_count (ld, node, q->index, TRK_MAX_QUESTIONS, error))
    return FALSE;
  if (g_hash_table_contains (rs->question_ids, q->id))
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_DUPLICATE_ID, node, _("duplicate question id “%s”"), q->id);
  g_hash_table_insert (rs->question_ids, q->id, q);
  rs->question_key[q->index] = TRK_KEY (q->id[0], strlen (q->id));

  q->optional = g_strcmp0 (optional, "true") == 0;
  q->kind = g_strcmp0 (type, "integer") == 0 ? TRK_QUESTION_INTEGER : TRK_QUESTION_CHOICE;
  if (q->kind == TRK_QUESTION_INTEGER && !load_integer_range (ld, q, node, error))
    return FALSE;
  if (!_trk_ld_load_text (ld, node, "label", TRUE, &q->label, error)
      || !_trk_ld_load_text (ld, node, "help", FALSE, &q->help, error))
    return FALSE;

  for (xmlNode *c = _trk_ld_first_child (node); c != NULL; c = _trk_ld_next_sibling (c))
    {
      if (_trk_ld_is_element (c, "choice") && !load_choice (ld, q, c, error))
        return FALSE;
    }
  if (q->kind == TRK_QUESTION_CHOICE && q->choices->len == 0)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node, _("question “%s” has no <choice>"), q->id);
  q->allowed = question_allowed (q);
  return TRUE;
}

static gboolean
load_questions (Loader   *ld,
                xmlNode  *section,
                GError  **error)
{
  const CondScope scope = { WHERE_QUESTION, -1 };
  guint i = 0;

  for (xmlNode *c = _trk_ld_first_child (section); c != NULL; c = _trk_ld_next_sibling (c))
    {
      if (!load_question (ld, c, error))
        return FALSE;
    }
  /* ask-when may name any question, so it is compiled once all are known. */
  for (xmlNode *c = _trk_ld_first_child (section); c != NULL; c = _trk_ld_next_sibling (c), i++)
    {
      TrkQuestion *q = g_ptr_array_index (ld->rs->questions, i);

      if (!_trk_ld_compile_wrapper (ld, c, "ask-when", &scope, &q->ask_when, error))
        return FALSE;
    }
  return TRUE;
}

/* ===== targets ===== */

static gboolean
load_target (Loader   *ld,
             xmlNode  *node,
             GError  **error)
{
  TrkTarget *target = g_new0 (TrkTarget, 1);

  target->id = _trk_ld_attr (node, "id");
  target->line = _trk_xml_line (node);
  target->statuses = _trk_status_array_new ();
  target->clauses = g_array_new (FALSE, FALSE, sizeof (TrkHot));
  if (_trk_target_index (ld->rs, target->id) >= 0)
    {
      _trk_ld_fail (ld, error, TRK_RULES_ERROR_DUPLICATE_ID, node, _("duplicate target id “%s”"), target->id);
      g_ptr_array_add (ld->rs->targets, target);
      return FALSE;
    }
  g_ptr_array_add (ld->rs->targets, target);
  if (!_trk_ld_check_count (ld, node, ld->rs->targets->len - 1, TRK_MAX_TARGETS, error)
      || !_trk_ld_load_text (ld, node, "label", TRUE, &target->label, error))
    return FALSE;

  for (xmlNode *c = _trk_ld_first_child (node); c != NULL; c = _trk_ld_next_sibling (c))
    {
      TrkStatus *status;
      g_autofree char *id = NULL;

      if (!_trk_ld_is_element (c, "status"))
        continue;
      id = _trk_ld_attr (c, "id");
      if (_trk_status_index (target, id) >= 0)
        return _trk_ld_fail (ld, error, TRK_RULES_ERROR_DUPLICATE_ID, c,
                             _("target “%s” has the status “%s” twice"), target->id, id);
      if (!_trk_ld_check_count (ld, c, target->statuses->len, TRK_MAX_STATUSES, error))
        return FALSE;
      status = g_new0 (TrkStatus, 1);
      status->id = g_steal_pointer (&id);
      g_ptr_array_add (target->statuses, status);
      if (!_trk_ld_load_text (ld, c, "label", TRUE, &status->label, error))
        return FALSE;
    }
  return TRUE;
}

/* ===== clauses: rules, notes, relations, items, warnings ===== */

static gboolean
load_effective (Loader     *ld,
                xmlNode    *node,
                TrkClause  *clause,
                GError    **error)
{
  if (!_trk_ld_parse_date (ld, node, "from", &clause->from, error)
      || !_trk_ld_parse_date (ld, node, "until", &clause->until, error))
    return FALSE;
  if (clause->from != 0 && clause->until != 0 && clause->from >= clause->until)
    {
      g_autofree char *from = _trk_ld_attr (node, "from");
      g_autofree char *until = _trk_ld_attr (node, "until");

      return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                           _("<%s> “%s”: from=\"%s\" is not before until=\"%s\""),
                           (const char *) node->name, clause->id, from, until);
    }
  if (clause->from != 0)
    g_hash_table_add (ld->dates, GUINT_TO_POINTER (clause->from));
  if (clause->until != 0)
    g_hash_table_add (ld->dates, GUINT_TO_POINTER (clause->until));
  return TRUE;
}

static TrkClause *
load_clause (Loader           *ld,
             xmlNode          *node,
             TrkClauseKind     kind,
             GPtrArray        *into,
             const CondScope  *scope,
             GError          **error)
{
  TrkClause *clause = g_new0 (TrkClause, 1);

  clause->kind = kind;
  clause->id = _trk_ld_attr (node, "id");
  clause->key = _trk_ld_attr (node, "key");
  clause->line = _trk_xml_line (node);
  clause->when = TRK_COND_NONE;
  clause->cites = _trk_cite_array_new ();
  g_ptr_array_add (into, clause);

  if (!_trk_ld_check_count (ld, node, into->len - 1, TRK_MAX_CLAUSES, error)
      || !_trk_ld_claim_clause_id (ld, node, clause->id, error)
      || !load_effective (ld, node, clause, error)
      || !_trk_ld_compile_wrapper (ld, node, "when", scope, &clause->when, error))
    return NULL;

  for (xmlNode *c = _trk_ld_first_child (node); c != NULL; c = _trk_ld_next_sibling (c))
    {
      if (_trk_ld_is_element (c, "cite") && !load_cite (ld, c, clause->cites, error))
        return NULL;
    }
  clause->kinds = (guint8) _trk_cites_kinds (ld->rs, clause->cites);
  if (!_trk_ld_load_text (ld, node, "text", TRUE, &clause->text, error))
    return NULL;
  return clause;
}

static gboolean
load_rule (Loader   *ld,
           xmlNode  *node,
           GError  **error)
{
  g_autofree char *target_id = _trk_ld_attr (node, "target");
  g_autofree char *status_id = _trk_ld_attr (node, "status");
  gboolean is_note = _trk_ld_is_element (node, "note");
  gint t = _trk_target_index (ld->rs, target_id != NULL ? target_id : "");
  CondScope scope = { WHERE_RULE, t };
  TrkTarget *target;
  TrkClause *clause;
  TrkHot hot;
  gint s = 0;
  guint index = ld->rs->rules->len;

  if (t < 0)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
                         _("<%s> refers to unknown target “%s”"), (const char *) node->name, target_id);
  target = g_ptr_array_index (ld->rs->targets, t);
  if (!is_note && (s = _trk_status_index (target, status_id != NULL ? status_id : "")) < 0)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
                         _("<rule>: “%s” is not a status of target “%s”"), status_id, target_id);

  clause = load_clause (ld, node, is_note ? TRK_CLAUSE_NOTE : TRK_CLAUSE_RULE, ld->rs->rules, &scope, error);
  if (clause == NULL)
    return FALSE;
  clause->target = (guint16) t;
  clause->status = (guint16) s;
  hot = _trk_clause_hot (ld->rs, clause, index);
  g_array_append_val (target->clauses, hot);
  return TRUE;
}

static gint
step_index (TrkRuleSet *rs,
            const char *id)
{
  for (guint i = 0; i < rs->steps->len; i++)
    {
      if (strcmp (((TrkStep *) g_ptr_array_index (rs->steps, i))->id, id) == 0)
        return (gint) i;
    }
  return -1;
}

static gboolean
load_step (Loader   *ld,
           xmlNode  *node,
           GError  **error)
{
  TrkStep *step = g_new0 (TrkStep, 1);
  gboolean duplicate;

  step->id = _trk_ld_attr (node, "id");
  step->line = _trk_xml_line (node);
  duplicate = step_index (ld->rs, step->id) >= 0;
  g_ptr_array_add (ld->rs->steps, step);
  if (duplicate)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_DUPLICATE_ID, node, _("duplicate step id “%s”"), step->id);
  return _trk_ld_check_count (ld, node, ld->rs->steps->len - 1, TRK_MAX_STEPS, error)
         && _trk_ld_load_text (ld, node, "label", TRUE, &step->label, error);
}

/* A dated route: open from `from` until the day before `until`. */
static gboolean
load_route (Loader     *ld,
            xmlNode    *node,
            TrkWayOut  *way,
            GError    **error)
{
  way->question = G_MAXUINT;
  way->value = -1;
  way->route = _trk_ld_attr (node, "route");
  way->answer = g_strdup_printf ("route:%s", way->route);
  if (!_trk_ld_parse_date (ld, node, "from", &way->from, error) || !_trk_ld_parse_date (ld, node, "until", &way->until, error))
    return FALSE;
  if (way->from != 0 && way->until != 0 && way->from >= way->until)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                         _("<way-out> route “%s”: from is not before until"), way->route);
  if (way->from != 0)
    g_hash_table_add (ld->dates, GUINT_TO_POINTER (way->from));
  if (way->until != 0)
    g_hash_table_add (ld->dates, GUINT_TO_POINTER (way->until));
  return TRUE;
}

static gboolean
load_answer_way (Loader     *ld,
                 xmlNode    *node,
                 TrkWayOut  *way,
                 GError    **error)
{
  g_autofree char *value = _trk_ld_attr (node, "value");
  TrkQuestion *q;

  if ((q = _trk_ld_cond_question (ld, node, error)) == NULL)
    return FALSE;
  if (q->kind != TRK_QUESTION_CHOICE || (way->value = _trk_ld_choice_index (q, value)) < 0)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
                         _("<way-out>: “%s” is not a value of “%s” (allowed: %s)"), value, q->id, q->allowed);
  way->question = q->index;
  way->answer = g_strdup_printf ("%s=%s", q->id, value);
  return TRUE;
}

static gboolean
load_way_out (Loader     *ld,
              xmlNode    *node,
              TrkClause  *relation,
              GError    **error)
{
  TrkWayOut *way = g_new0 (TrkWayOut, 1);
  guint16 index = (guint16) ld->rs->ways_out->len;
  xmlChar *route = xmlGetProp (node, (const xmlChar *) "route");
  gboolean is_route = route != NULL;

  xmlFree (route);
  g_ptr_array_add (ld->rs->ways_out, way);
  way->relation = ld->rs->relations->len - 1;
  way->line = _trk_xml_line (node);
  way->cites = _trk_cite_array_new ();
  if (!_trk_ld_check_count (ld, node, index, TRK_MAX_WAYS_OUT, error))
    return FALSE;
  if (is_route ? !load_route (ld, node, way, error) : !load_answer_way (ld, node, way, error))
    return FALSE;
  for (xmlNode *c = _trk_ld_first_child (node); c != NULL; c = _trk_ld_next_sibling (c))
    {
      if (_trk_ld_is_element (c, "cite") && !load_cite (ld, c, way->cites, error))
        return FALSE;
    }
  way->kinds = (guint8) _trk_cites_kinds (ld->rs, way->cites);
  if (is_route && way->cites->len == 0)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                         _("<way-out> route “%s” cites no source"), way->route);
  g_array_append_val (relation->ways_out, index);
  return _trk_ld_load_text (ld, node, "text", TRUE, &way->text, error);
}

static gboolean
load_relation (Loader   *ld,
               xmlNode  *node,
               GError  **error)
{
  const CondScope scope = { WHERE_RELATION, -1 };
  g_autofree char *step = _trk_ld_attr (node, "step");
  g_autofree char *needs = _trk_ld_attr (node, "needs");
  gint s = step_index (ld->rs, step != NULL ? step : "");
  gint n = step_index (ld->rs, needs != NULL ? needs : "");
  TrkClause *clause;

  if (s < 0 || n < 0)
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
                         _("<requires> refers to unknown step “%s”"), s < 0 ? step : needs);
  clause = load_clause (ld, node, TRK_CLAUSE_REQUIRES, ld->rs->relations, &scope, error);
  if (clause == NULL)
    return FALSE;
  clause->step = (guint16) s;
  clause->needs = (guint16) n;
  clause->ways_out = g_array_new (FALSE, FALSE, sizeof (guint16));
  for (xmlNode *c = _trk_ld_first_child (node); c != NULL; c = _trk_ld_next_sibling (c))
    {
      if (_trk_ld_is_element (c, "way-out") && !load_way_out (ld, c, clause, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_item (Loader   *ld,
           xmlNode  *node,
           GError  **error)
{
  gboolean warning = _trk_ld_is_element (node, "warning");
  const CondScope scope = { warning ? WHERE_WARNING : WHERE_ITEM, -1 };

  return load_clause (ld, node, warning ? TRK_CLAUSE_WARNING : TRK_CLAUSE_ITEM,
                      warning ? ld->rs->warnings : ld->rs->items, &scope, error) != NULL;
}

/* ===== the whole file ===== */

typedef gboolean (*LoadFunc) (Loader *ld, xmlNode *node, GError **error);

static gboolean
load_section (Loader      *ld,
              xmlNode     *section,
              const char  *name,
              LoadFunc     func,
              GError     **error)
{
  if (!_trk_ld_is_element (section, name))
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, section, _("expected <%s>"), name);
  for (xmlNode *c = _trk_ld_first_child (section); c != NULL; c = _trk_ld_next_sibling (c))
    {
      if (!func (ld, c, error))
        return FALSE;
    }
  return TRUE;
}

static void
build_hot (TrkRuleSet *rs,
           GPtrArray  *clauses,
           GArray     *hot)
{
  for (guint i = 0; i < clauses->len; i++)
    {
      TrkHot h = _trk_clause_hot (rs, g_ptr_array_index (clauses, i), i);
      g_array_append_val (hot, h);
    }
}

static gboolean
load_sections (Loader   *ld,
               xmlNode  *root,
               GError  **error)
{
  xmlNode *c = _trk_ld_first_child (root);

  while (_trk_ld_is_element (c, "title"))
    c = _trk_ld_next_sibling (c);
  if (!load_section (ld, c, "sources", load_source, error))
    return FALSE;
  c = _trk_ld_next_sibling (c);
  if (!_trk_ld_is_element (c, "questions"))
    return _trk_ld_fail (ld, error, TRK_RULES_ERROR_INVALID, root, _("expected <questions>"));
  if (!load_questions (ld, c, error))
    return FALSE;
  c = _trk_ld_next_sibling (c);
  if (!load_section (ld, c, "targets", load_target, error))
    return FALSE;
  c = _trk_ld_next_sibling (c);
  if (!load_section (ld, c, "rules", load_rule, error))
    return FALSE;
  c = _trk_ld_next_sibling (c);
  if (!load_section (ld, c, "steps", load_step, error))
    return FALSE;
  c = _trk_ld_next_sibling (c);
  if (!load_section (ld, c, "prerequisites", load_relation, error))
    return FALSE;
  c = _trk_ld_next_sibling (c);
  if (!load_section (ld, c, "checklist", load_item, error))
    return FALSE;
  c = _trk_ld_next_sibling (c);
  return load_section (ld, c, "warnings", load_item, error);
}

gboolean
_trk_rules_load (TrkRuleSet  *self,
                 GBytes      *bytes,
                 const char  *name,
                 GError     **error)
{
  const TrkXmlLimits limits = {
    RULES_MAX_SIZE, RULES_MAX_DEPTH, TRK_RULES_ERROR, TRK_RULES_ERROR_UNSAFE, TRK_RULES_ERROR_MALFORMED,
  };
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GHashTable) clause_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) dates = g_hash_table_new (NULL, NULL);
  Loader ld = { self, name, clause_ids, dates };
  xmlNode *root;

  g_free (self->name);
  self->name = g_strdup (name);

  doc = _trk_xml_parse (bytes, name, &limits, error);
  if (doc == NULL)
    return FALSE;

  root = xmlDocGetRootElement (doc);
  if (!check_root (&ld, root, error) || !_trk_rules_validate_schema (doc, name, error)
      || !load_header (&ld, root, error) || !load_sections (&ld, root, error))
    return FALSE;

  _trk_ld_collect_key_dates (&ld);
  build_hot (self, self->relations, self->hot_relations);
  build_hot (self, self->items, self->hot_items);
  build_hot (self, self->warnings, self->hot_warnings);
  _trk_ld_collect_ask_reads (self);
  return TRUE;
}
