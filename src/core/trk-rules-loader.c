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
#include "trk-xml-private.h"

GResource *trk_core_get_resource (void);

#define SCHEMA_PATH "/io/github/tirkeu/Tirkeu/core/rules/tirkeu-rules.rng"
#define RULES_MAX_SIZE (4 * 1024 * 1024)
#define RULES_MAX_DEPTH 64
#define RULES_FORMAT "1"

/* Where a condition stands decides what it may use. */
typedef enum
{
  WHERE_QUESTION,
  WHERE_RULE,      /* rules and notes: outcome of earlier targets only */
  WHERE_RELATION,
  WHERE_ITEM,      /* checklist items: outcome and loop */
  WHERE_WARNING,   /* warnings: outcome, loop and the kinds of sources cited */
} CondWhere;

typedef struct
{
  TrkRuleSet  *rs;
  const char  *name;
  GHashTable  *clause_ids;   /* id -> line */
  GHashTable  *dates;        /* julian day set */
} Loader;

static gboolean G_GNUC_PRINTF (5, 6)
fail (Loader      *ld,
      GError     **error,
      int          code,
      xmlNode     *node,
      const char  *format,
      ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, TRK_RULES_ERROR, code, "%s:%u: %s", ld->name, _trk_xml_line (node), msg);
  return FALSE;
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  g_autoptr(TrkXmlString) value = xmlGetProp (node, (const xmlChar *) name);

  return value != NULL ? g_strdup ((const char *) value) : NULL;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
next_element (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->next;
  return node;
}

static xmlNode *
first_child (xmlNode *node)
{
  return next_element (node->children);
}

static xmlNode *
next_sibling (xmlNode *node)
{
  return next_element (node->next);
}

/* ===== schema ===== */

static void
collect_error_cb (void     *data,
                  xmlError *err)
{
  xmlError *first = data;

  if (err != NULL && err->level >= XML_ERR_ERROR && first->code == 0)
    {
      xmlResetError (first);
      xmlCopyError (err, first);
    }
}

static xmlRelaxNG *
load_schema (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlRelaxNGParserCtxt) pctxt = NULL;
  xmlError first = { 0 };
  xmlRelaxNG *schema;
  gsize len;
  const char *data;

  bytes = g_resource_lookup_data (trk_core_get_resource (), SCHEMA_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    g_error ("the rules schema %s is missing from the resources", SCHEMA_PATH);

  data = g_bytes_get_data (bytes, &len);
  pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) len);
  xmlRelaxNGSetParserStructuredErrors (pctxt, collect_error_cb, &first);
  schema = xmlRelaxNGParse (pctxt);
  if (schema == NULL)
    g_error ("the built-in rules schema does not parse: %s", first.message);
  xmlResetError (&first);
  return schema;
}

static xmlRelaxNG *
get_schema (void)
{
  static gsize schema = 0;

  if (g_once_init_enter (&schema))
    g_once_init_leave (&schema, (gsize) load_schema ());
  return (xmlRelaxNG *) schema;
}

static gboolean
validate_schema (Loader   *ld,
                 xmlDoc   *doc,
                 GError  **error)
{
  g_autoptr(xmlRelaxNGValidCtxt) vctxt = xmlRelaxNGNewValidCtxt (get_schema ());
  xmlError first = { 0 };
  g_autofree char *line = NULL;
  g_autofree char *msg = NULL;
  int ret;

  xmlRelaxNGSetValidStructuredErrors (vctxt, collect_error_cb, &first);
  ret = xmlRelaxNGValidateDoc (vctxt, doc);
  if (ret == 0)
    return TRUE;

  /* first line only, as valid UTF-8 (libxml2 may quote the document) */
  line = first.message != NULL ? g_strndup (first.message, strcspn (first.message, "\n")) : g_strdup ("?");
  msg = g_strstrip (g_utf8_make_valid (line, -1));
  g_set_error (error, TRK_RULES_ERROR, TRK_RULES_ERROR_INVALID,
               _("%s:%d: does not match the rules schema: %s"),
               ld->name, first.line > 0 ? first.line : 1, msg);
  xmlResetError (&first);
  return FALSE;
}

static gboolean
check_root (Loader   *ld,
            xmlNode  *root,
            GError  **error)
{
  g_autofree char *format = NULL;

  if (root == NULL || !is_element (root, "tirkeu-rules") || root->ns != NULL)
    return fail (ld, error, TRK_RULES_ERROR_INVALID, root,
                 _("the root element must be <tirkeu-rules> (without a namespace)"));

  format = attr (root, "format");
  if (format == NULL || strcmp (format, RULES_FORMAT) != 0)
    return fail (ld, error, TRK_RULES_ERROR_INVALID, root,
                 _("unsupported rules format “%s” (this program reads format %s)"),
                 format != NULL ? format : "", RULES_FORMAT);
  return TRUE;
}

/* ===== texts ===== */

static char *
normalize_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
text_lang (Loader   *ld,
           xmlNode  *node,
           TrkLang  *out_lang,
           GError  **error)
{
  g_autoptr(TrkXmlString) lang = xmlGetNsProp (node, (const xmlChar *) "lang", XML_XML_NAMESPACE);

  if (lang == NULL)
    {
      *out_lang = TRK_LANG_EN;
      return TRUE;
    }
  if (trk_lang_from_string ((const char *) lang, out_lang))
    return TRUE;
  return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
               _("<%s>: unknown xml:lang “%s” (allowed: en, kk, ru)"),
               (const char *) node->name, (const char *) lang);
}

static gboolean
add_text (Loader   *ld,
          xmlNode  *node,
          TrkText  *text,
          GError  **error)
{
  g_autoptr(TrkXmlString) content = xmlNodeGetContent (node);
  TrkLang lang;

  if (!text_lang (ld, node, &lang, error))
    return FALSE;
  if (text->s[lang] != NULL)
    return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                 _("<%s> is given twice in language “%s”"),
                 (const char *) node->name, trk_lang_to_string (lang));

  text->s[lang] = normalize_space (content != NULL ? (const char *) content : "");
  if (text->s[lang][0] == '\0')
    return fail (ld, error, TRK_RULES_ERROR_INVALID, node, _("<%s> is empty"),
                 (const char *) node->name);
  if (text->line == 0)
    text->line = _trk_xml_line (node);
  return TRUE;
}

/* Reads every child <element> of @parent into @text; @required needs English. */
static gboolean
load_text (Loader      *ld,
           xmlNode     *parent,
           const char  *element,
           gboolean     required,
           TrkText     *text,
           GError     **error)
{
  text->element = element;
  for (xmlNode *c = first_child (parent); c != NULL; c = next_sibling (c))
    {
      if (is_element (c, element) && !add_text (ld, c, text, error))
        return FALSE;
    }

  if (text->line == 0 && !required)
    return TRUE;
  if (text->s[TRK_LANG_EN] == NULL)
    return fail (ld, error, TRK_RULES_ERROR_INVALID, parent,
                 _("<%s> in <%s> has no English text (one without xml:lang)"),
                 element, (const char *) parent->name);
  g_ptr_array_add (ld->rs->texts, text);
  return TRUE;
}

/* ===== ids and dates ===== */

static gboolean
parse_date (Loader      *ld,
            xmlNode     *node,
            const char  *name,
            guint32     *out_jd,
            GError     **error)
{
  g_autofree char *value = attr (node, name);
  GDate date;

  *out_jd = 0;
  if (value == NULL)
    return TRUE;
  if (!trk_date_parse (value, &date))
    return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                 _("<%s> %s=\"%s\" is not a real calendar date (YYYY-MM-DD)"),
                 (const char *) node->name, name, value);

  *out_jd = g_date_get_julian (&date);
  return TRUE;
}

static gboolean
claim_clause_id (Loader      *ld,
                 xmlNode     *node,
                 const char  *id,
                 GError     **error)
{
  gpointer line = g_hash_table_lookup (ld->clause_ids, id);

  if (line != NULL)
    return fail (ld, error, TRK_RULES_ERROR_DUPLICATE_ID, node,
                 _("duplicate id “%s” in <%s> (first used on line %u)"),
                 id, (const char *) node->name, GPOINTER_TO_UINT (line));
  g_hash_table_insert (ld->clause_ids, (gpointer) id, GUINT_TO_POINTER (_trk_xml_line (node)));
  return TRUE;
}

static gboolean
check_count (Loader      *ld,
             xmlNode     *node,
             guint        count,
             guint        max,
             GError     **error)
{
  if (count < max)
    return TRUE;
  return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
               _("too many <%s> elements (at most %u)"), (const char *) node->name, max);
}


/* ===== conditions ===== */

typedef struct
{
  CondWhere where;
  gint      target;  /* WHERE_RULE: the rule's own target */
} CondScope;

static const char *
where_name (CondWhere where)
{
  switch (where)
    {
    case WHERE_QUESTION:
      return "ask-when";
    case WHERE_RULE:
      return "rule";
    case WHERE_RELATION:
      return "requires";
    case WHERE_ITEM:
      return "item";
    case WHERE_WARNING:
      return "warning";
    default:
      g_assert_not_reached ();
    }
}

static TrkQuestion *
cond_question (Loader   *ld,
               xmlNode  *node,
               GError  **error)
{
  g_autofree char *id = attr (node, "answer");
  TrkQuestion *q = id != NULL ? g_hash_table_lookup (ld->rs->question_ids, id) : NULL;

  if (q == NULL)
    fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
          _("<%s> refers to unknown answer “%s”"), (const char *) node->name, id != NULL ? id : "");
  return q;
}

static gint
choice_index (const TrkQuestion *q,
              const char        *value)
{
  for (guint i = 0; i < q->choices->len; i++)
    {
      const TrkChoice *c = g_ptr_array_index (q->choices, i);

      if (strcmp (c->value, value) == 0)
        return (gint) i;
    }
  return -1;
}

static gboolean
compile_is (Loader       *ld,
            xmlNode      *node,
            TrkCondNode  *n,
            GError      **error)
{
  TrkQuestion *q = cond_question (ld, node, error);
  g_autofree char *values = NULL;
  g_auto(GStrv) parts = NULL;

  if (q == NULL)
    return FALSE;
  if (q->kind != TRK_QUESTION_CHOICE)
    return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                 _("<is> on the integer question “%s” (use <at-least> or <below>)"), q->id);

  values = attr (node, "value");
  parts = g_strsplit (values != NULL ? values : "", " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint c = choice_index (q, parts[i]);

      if (c < 0)
        return fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
                     _("<is>: “%s” is not a value of “%s” (allowed: %s)"), parts[i], q->id, q->allowed);
      n->mask |= G_GUINT64_CONSTANT (1) << c;
    }
  n->op = TRK_COND_IS;
  n->arg = (guint16) q->index;
  return TRUE;
}

static gboolean
compile_compare (Loader       *ld,
                 xmlNode      *node,
                 TrkCondOp     op,
                 TrkCondNode  *n,
                 GError      **error)
{
  TrkQuestion *q = cond_question (ld, node, error);
  g_autofree char *value = NULL;

  if (q == NULL)
    return FALSE;
  if (q->kind != TRK_QUESTION_INTEGER)
    return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                 _("<%s> on the non-integer question “%s” (use <is>)"),
                 (const char *) node->name, q->id);

  value = attr (node, "value");
  n->op = op;
  n->arg = (guint16) q->index;
  n->value = g_ascii_strtoll (value != NULL ? value : "0", NULL, 10);
  return TRUE;
}

static gboolean
compile_outcome (Loader           *ld,
                 xmlNode          *node,
                 const CondScope  *scope,
                 TrkCondNode      *n,
                 GError          **error)
{
  g_autofree char *target_id = attr (node, "target");
  g_autofree char *statuses = attr (node, "status");
  g_auto(GStrv) parts = NULL;
  const TrkTarget *target;
  gint t = _trk_target_index (ld->rs, target_id != NULL ? target_id : "");

  if (scope->where == WHERE_QUESTION)
    return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                 _("<outcome> cannot be used in <ask-when>: targets are decided after all questions"));
  if (t < 0)
    return fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
                 _("<outcome> refers to unknown target “%s”"), target_id != NULL ? target_id : "");
  if (scope->where == WHERE_RULE && t >= scope->target)
    return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                 _("<outcome> refers to target “%s”, which is not decided yet here "
                   "(only targets listed before this one can be used)"), target_id);

  target = g_ptr_array_index (ld->rs->targets, t);
  parts = g_strsplit (statuses != NULL ? statuses : "", " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint s = _trk_status_index (target, parts[i]);

      if (s < 0)
        return fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
                     _("<outcome>: “%s” is not a status of target “%s”"), parts[i], target_id);
      n->mask |= G_GUINT64_CONSTANT (1) << s;
    }
  n->op = TRK_COND_OUTCOME;
  n->arg = (guint16) t;
  return TRUE;
}

static gboolean
compile_date (Loader       *ld,
              xmlNode      *node,
              TrkCondOp     op,
              TrkCondNode  *n,
              GError      **error)
{
  guint32 jd;

  if (!parse_date (ld, node, "date", &jd, error))
    return FALSE;
  g_hash_table_add (ld->dates, GUINT_TO_POINTER (jd));
  n->op = op;
  n->value = jd;
  return TRUE;
}

/* More than @days days after the rules' checked date: a date test. */
static gboolean
compile_after_checked (Loader       *ld,
                       xmlNode      *node,
                       TrkCondNode  *n,
                       GError      **error)
{
  g_autofree char *days = attr (node, "days");
  guint64 value = 0;
  GDate checked;

  if (!g_ascii_string_to_unsigned (days, 10, 0, 100000, &value, NULL))
    return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                 _("<after-checked> days=\"%s\" is not a number of days"), days != NULL ? days : "");
  if (!trk_date_parse (ld->rs->checked, &checked))
    return fail (ld, error, TRK_RULES_ERROR_INVALID, node, _("<after-checked> needs the rules' checked date"));
  n->op = TRK_COND_ON_OR_AFTER;
  n->value = g_date_get_julian (&checked) + value + 1;
  g_hash_table_add (ld->dates, GUINT_TO_POINTER ((guint32) n->value));
  return TRUE;
}

static gboolean
compile_rests_on (Loader           *ld,
                  xmlNode          *node,
                  const CondScope  *scope,
                  TrkCondNode      *n,
                  GError          **error)
{
  g_autofree char *kinds = attr (node, "kind");
  g_auto(GStrv) names = NULL;

  if (scope->where != WHERE_WARNING)
    return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                 _("<rests-on> is not allowed in a <%s> (only in warnings)"), where_name (scope->where));
  names = g_strsplit (kinds != NULL ? kinds : "", " ", -1);
  n->op = TRK_COND_RESTS_ON;
  n->mask = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      TrkSourceKind kind;

      if (!trk_source_kind_from_string (names[i], &kind))
        return fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
                     _("<rests-on>: “%s” is not a kind of source (allowed: legal_update, press_report, official)"),
                     names[i]);
      n->mask |= G_GUINT64_CONSTANT (1) << kind;
    }
  return TRUE;
}

static gboolean
compile_leaf (Loader           *ld,
              xmlNode          *node,
              const CondScope  *scope,
              TrkCondNode      *n,
              GError          **error)
{
  TrkQuestion *q;

  if (is_element (node, "is"))
    return compile_is (ld, node, n, error);
  if (is_element (node, "at-least"))
    return compile_compare (ld, node, TRK_COND_AT_LEAST, n, error);
  if (is_element (node, "below"))
    return compile_compare (ld, node, TRK_COND_BELOW, n, error);
  if (is_element (node, "on-or-after"))
    return compile_date (ld, node, TRK_COND_ON_OR_AFTER, n, error);
  if (is_element (node, "before"))
    return compile_date (ld, node, TRK_COND_BEFORE, n, error);
  if (is_element (node, "outcome"))
    return compile_outcome (ld, node, scope, n, error);
  if (is_element (node, "missing"))
    {
      if ((q = cond_question (ld, node, error)) == NULL)
        return FALSE;
      n->op = TRK_COND_MISSING;
      n->arg = (guint16) q->index;
      return TRUE;
    }
  if (is_element (node, "after-checked"))
    return compile_after_checked (ld, node, n, error);
  if (is_element (node, "rests-on"))
    return compile_rests_on (ld, node, scope, n, error);
  if (is_element (node, "loop"))
    {
      if (scope->where != WHERE_ITEM && scope->where != WHERE_WARNING)
        return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                     _("<loop> is not allowed in a <%s> (only in checklist items and warnings)"),
                     where_name (scope->where));
      n->op = TRK_COND_LOOP;
      return TRUE;
    }
  return fail (ld, error, TRK_RULES_ERROR_INVALID, node, _("unknown condition <%s>"),
               (const char *) node->name);
}

static gboolean
is_cheap (const TrkCondNode *n)
{
  return n->op == TRK_COND_IS || n->op == TRK_COND_OUTCOME;
}

/* Moves the children of <all>/<any> at @index that are single <is> or
 * <outcome> tests before the others (keeping their order). Kleene logic
 * does not depend on the order; the evaluator stops earlier this way. */
static void
cheap_children_first (GArray *conds,
                      guint   index)
{
  TrkCondNode *node = &g_array_index (conds, TrkCondNode, index);
  guint total = node->size - 1;
  g_autofree TrkCondNode *copy = g_memdup2 (node + 1, total * sizeof (TrkCondNode));
  TrkCondNode *out = node + 1;

  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < total; i += copy[i].size)
        {
          if (is_cheap (&copy[i]) != (pass == 0))
            continue;
          memcpy (out, &copy[i], copy[i].size * sizeof (TrkCondNode));
          out += copy[i].size;
        }
    }
}

static gboolean
compile_cond (Loader           *ld,
              xmlNode          *node,
              const CondScope  *scope,
              GError          **error)
{
  GArray *conds = ld->rs->conds;
  guint index = conds->len;
  TrkCondNode n = { 0 };
  guint count = 0;

  if (is_element (node, "all") || is_element (node, "any") || is_element (node, "not"))
    {
      n.op = is_element (node, "all") ? TRK_COND_ALL : is_element (node, "any") ? TRK_COND_ANY : TRK_COND_NOT;
      g_array_append_val (conds, n);
      for (xmlNode *c = first_child (node); c != NULL; c = next_sibling (c), count++)
        {
          if (count == G_MAXUINT8)
            return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                         _("<%s> has too many conditions (at most 255)"), (const char *) node->name);
          if (!compile_cond (ld, c, scope, error))
            return FALSE;
        }
      if (count == 0 || (n.op == TRK_COND_NOT && count != 1))
        return fail (ld, error, TRK_RULES_ERROR_INVALID, node, _("<%s> has a wrong number of conditions"),
                     (const char *) node->name);
      g_array_index (conds, TrkCondNode, index).n_children = (guint8) count;
      g_array_index (conds, TrkCondNode, index).size = conds->len - index;
      if (n.op != TRK_COND_NOT)
        cheap_children_first (conds, index);
    }
  else
    {
      if (!compile_leaf (ld, node, scope, &n, error))
        return FALSE;
      g_array_append_val (conds, n);
    }

  g_array_index (conds, TrkCondNode, index).size = conds->len - index;
  return TRUE;
}

/* Compiles the condition inside @wrapper (<when>/<ask-when>), if any. */
static gboolean
compile_wrapper (Loader           *ld,
                 xmlNode          *parent,
                 const char       *wrapper,
                 const CondScope  *scope,
                 gint32           *out_index,
                 GError          **error)
{
  *out_index = TRK_COND_NONE;
  for (xmlNode *c = first_child (parent); c != NULL; c = next_sibling (c))
    {
      xmlNode *cond = first_child (c);

      if (!is_element (c, wrapper))
        continue;
      if (cond == NULL)
        return fail (ld, error, TRK_RULES_ERROR_INVALID, c, _("<%s> is empty"), wrapper);
      *out_index = (gint32) ld->rs->conds->len;
      return compile_cond (ld, cond, scope, error);
    }
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

  rs->id = attr (root, "id");
  rs->version = attr (root, "version");
  rs->checked = attr (root, "checked");
  if (rs->checked == NULL || !trk_date_parse (rs->checked, &date))
    return fail (ld, error, TRK_RULES_ERROR_INVALID, root,
                 _("<tirkeu-rules> checked=\"%s\" is not a real calendar date (YYYY-MM-DD)"),
                 rs->checked != NULL ? rs->checked : "");
  return load_text (ld, root, "title", TRUE, &rs->title, error);
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

  source->id = attr (node, "id");
  source->line = _trk_xml_line (node);
  if (source_index (ld->rs, source->id) >= 0)
    {
      fail (ld, error, TRK_RULES_ERROR_DUPLICATE_ID, node, _("duplicate source id “%s”"), source->id);
      g_free (source->id);
      g_free (source);
      return FALSE;
    }
  g_ptr_array_add (ld->rs->sources, source);
  source->date = attr (node, "date");
  source->url = attr (node, "url");
  source->publisher = attr (node, "publisher");
  kind = attr (node, "kind");
  if (!trk_source_kind_from_string (kind, &source->kind))
    return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                 _("<source> “%s”: kind=\"%s\" is not legal_update, press_report or official"),
                 source->id, kind != NULL ? kind : "");
  if (source->kind == TRK_SOURCE_PRESS_REPORT && (source->publisher == NULL || source->url == NULL))
    return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                 _("<source> “%s”: a press report needs its publisher and its address (url)"), source->id);
  /* A source's own date is not a date the law changes on: not a key date. */
  if (!parse_date (ld, node, "date", &jd, error))
    return FALSE;
  return load_text (ld, node, "title", TRUE, &source->title, error);
}

static gboolean
load_cite (Loader     *ld,
           xmlNode    *node,
           GPtrArray  *cites,
           GError    **error)
{
  TrkCite *cite = g_new0 (TrkCite, 1);
  g_autofree char *source = attr (node, "source");
  gint s = source_index (ld->rs, source != NULL ? source : "");

  g_ptr_array_add (cites, cite);
  cite->line = _trk_xml_line (node);
  cite->quote = attr (node, "quote");
  if (s < 0)
    return fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
                 _("<cite> refers to unknown source “%s”"), source != NULL ? source : "");
  cite->source = (guint) s;
  if (cite->quote == NULL || _trk_xml_is_blank ((const xmlChar *) cite->quote))
    return fail (ld, error, TRK_RULES_ERROR_INVALID, node, _("<cite> has an empty quote"));
  return load_text (ld, node, "pinpoint", FALSE, &cite->pinpoint, error);
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

  choice->value = attr (node, "value");
  if (choice_index (q, choice->value) >= 0)
    {
      fail (ld, error, TRK_RULES_ERROR_DUPLICATE_ID, node,
            _("question “%s” has the value “%s” twice"), q->id, choice->value);
      g_free (choice->value);
      g_free (choice);
      return FALSE;
    }
  g_ptr_array_add (q->choices, choice);
  if (!check_count (ld, node, q->choices->len - 1, TRK_MAX_CHOICES, error))
    return FALSE;
  q->choice_key[q->choices->len - 1] = TRK_KEY (choice->value[0], strlen (choice->value));
  return load_text (ld, node, "label", TRUE, &choice->label, error)
         && load_text (ld, node, "help", FALSE, &choice->help, error);
}

static gboolean
load_integer_range (Loader       *ld,
                    TrkQuestion  *q,
                    xmlNode      *node,
                    GError      **error)
{
  g_autofree char *min = attr (node, "min");
  g_autofree char *max = attr (node, "max");

  q->min = (int) g_ascii_strtoll (min != NULL ? min : "0", NULL, 10);
  q->max = (int) g_ascii_strtoll (max != NULL ? max : "0", NULL, 10);
  if (q->min > q->max)
    return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
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
  g_autofree char *type = attr (node, "type");
  g_autofree char *optional = attr (node, "optional");

  q->id = attr (node, "id");
  q->index = rs->questions->len;
  q->line = _trk_xml_line (node);
  q->ask_when = TRK_COND_NONE;
  q->choices = _trk_choice_array_new ();
  g_ptr_array_add (rs->questions, q);
  if (!check_count (ld, node, q->index, TRK_MAX_QUESTIONS, error))
    return FALSE;
  if (g_hash_table_contains (rs->question_ids, q->id))
    return fail (ld, error, TRK_RULES_ERROR_DUPLICATE_ID, node, _("duplicate question id “%s”"), q->id);
  g_hash_table_insert (rs->question_ids, q->id, q);
  rs->question_key[q->index] = TRK_KEY (q->id[0], strlen (q->id));

  q->optional = g_strcmp0 (optional, "true") == 0;
  q->kind = g_strcmp0 (type, "integer") == 0 ? TRK_QUESTION_INTEGER : TRK_QUESTION_CHOICE;
  if (q->kind == TRK_QUESTION_INTEGER && !load_integer_range (ld, q, node, error))
    return FALSE;
  if (!load_text (ld, node, "label", TRUE, &q->label, error)
      || !load_text (ld, node, "help", FALSE, &q->help, error))
    return FALSE;

  for (xmlNode *c = first_child (node); c != NULL; c = next_sibling (c))
    {
      if (is_element (c, "choice") && !load_choice (ld, q, c, error))
        return FALSE;
    }
  if (q->kind == TRK_QUESTION_CHOICE && q->choices->len == 0)
    return fail (ld, error, TRK_RULES_ERROR_INVALID, node, _("question “%s” has no <choice>"), q->id);
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

  for (xmlNode *c = first_child (section); c != NULL; c = next_sibling (c))
    {
      if (!load_question (ld, c, error))
        return FALSE;
    }
  /* ask-when may name any question, so it is compiled once all are known. */
  for (xmlNode *c = first_child (section); c != NULL; c = next_sibling (c), i++)
    {
      TrkQuestion *q = g_ptr_array_index (ld->rs->questions, i);

      if (!compile_wrapper (ld, c, "ask-when", &scope, &q->ask_when, error))
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

  target->id = attr (node, "id");
  target->line = _trk_xml_line (node);
  target->statuses = _trk_status_array_new ();
  target->clauses = g_array_new (FALSE, FALSE, sizeof (TrkHot));
  if (_trk_target_index (ld->rs, target->id) >= 0)
    {
      fail (ld, error, TRK_RULES_ERROR_DUPLICATE_ID, node, _("duplicate target id “%s”"), target->id);
      g_ptr_array_add (ld->rs->targets, target);
      return FALSE;
    }
  g_ptr_array_add (ld->rs->targets, target);
  if (!check_count (ld, node, ld->rs->targets->len - 1, TRK_MAX_TARGETS, error)
      || !load_text (ld, node, "label", TRUE, &target->label, error))
    return FALSE;

  for (xmlNode *c = first_child (node); c != NULL; c = next_sibling (c))
    {
      TrkStatus *status;
      g_autofree char *id = NULL;

      if (!is_element (c, "status"))
        continue;
      id = attr (c, "id");
      if (_trk_status_index (target, id) >= 0)
        return fail (ld, error, TRK_RULES_ERROR_DUPLICATE_ID, c,
                     _("target “%s” has the status “%s” twice"), target->id, id);
      if (!check_count (ld, c, target->statuses->len, TRK_MAX_STATUSES, error))
        return FALSE;
      status = g_new0 (TrkStatus, 1);
      status->id = g_steal_pointer (&id);
      g_ptr_array_add (target->statuses, status);
      if (!load_text (ld, c, "label", TRUE, &status->label, error))
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
  if (!parse_date (ld, node, "from", &clause->from, error)
      || !parse_date (ld, node, "until", &clause->until, error))
    return FALSE;
  if (clause->from != 0 && clause->until != 0 && clause->from >= clause->until)
    {
      g_autofree char *from = attr (node, "from");
      g_autofree char *until = attr (node, "until");

      return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
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
  clause->id = attr (node, "id");
  clause->key = attr (node, "key");
  clause->line = _trk_xml_line (node);
  clause->when = TRK_COND_NONE;
  clause->cites = _trk_cite_array_new ();
  g_ptr_array_add (into, clause);

  if (!check_count (ld, node, into->len - 1, TRK_MAX_CLAUSES, error)
      || !claim_clause_id (ld, node, clause->id, error)
      || !load_effective (ld, node, clause, error)
      || !compile_wrapper (ld, node, "when", scope, &clause->when, error))
    return NULL;

  for (xmlNode *c = first_child (node); c != NULL; c = next_sibling (c))
    {
      if (is_element (c, "cite") && !load_cite (ld, c, clause->cites, error))
        return NULL;
    }
  if (!load_text (ld, node, "text", TRUE, &clause->text, error))
    return NULL;
  return clause;
}

static gboolean
load_rule (Loader   *ld,
           xmlNode  *node,
           GError  **error)
{
  g_autofree char *target_id = attr (node, "target");
  g_autofree char *status_id = attr (node, "status");
  gboolean is_note = is_element (node, "note");
  gint t = _trk_target_index (ld->rs, target_id != NULL ? target_id : "");
  CondScope scope = { WHERE_RULE, t };
  TrkTarget *target;
  TrkClause *clause;
  TrkHot hot;
  gint s = 0;
  guint index = ld->rs->rules->len;

  if (t < 0)
    return fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
                 _("<%s> refers to unknown target “%s”"), (const char *) node->name, target_id);
  target = g_ptr_array_index (ld->rs->targets, t);
  if (!is_note && (s = _trk_status_index (target, status_id != NULL ? status_id : "")) < 0)
    return fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
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

  step->id = attr (node, "id");
  step->line = _trk_xml_line (node);
  duplicate = step_index (ld->rs, step->id) >= 0;
  g_ptr_array_add (ld->rs->steps, step);
  if (duplicate)
    return fail (ld, error, TRK_RULES_ERROR_DUPLICATE_ID, node, _("duplicate step id “%s”"), step->id);
  return check_count (ld, node, ld->rs->steps->len - 1, TRK_MAX_STEPS, error)
         && load_text (ld, node, "label", TRUE, &step->label, error);
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
  way->route = attr (node, "route");
  way->answer = g_strdup_printf ("route:%s", way->route);
  if (!parse_date (ld, node, "from", &way->from, error) || !parse_date (ld, node, "until", &way->until, error))
    return FALSE;
  if (way->from != 0 && way->until != 0 && way->from >= way->until)
    return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
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
  g_autofree char *value = attr (node, "value");
  TrkQuestion *q;

  if ((q = cond_question (ld, node, error)) == NULL)
    return FALSE;
  if (q->kind != TRK_QUESTION_CHOICE || (way->value = choice_index (q, value)) < 0)
    return fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
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
  if (!check_count (ld, node, index, TRK_MAX_WAYS_OUT, error))
    return FALSE;
  if (is_route ? !load_route (ld, node, way, error) : !load_answer_way (ld, node, way, error))
    return FALSE;
  for (xmlNode *c = first_child (node); c != NULL; c = next_sibling (c))
    {
      if (is_element (c, "cite") && !load_cite (ld, c, way->cites, error))
        return FALSE;
    }
  if (is_route && way->cites->len == 0)
    return fail (ld, error, TRK_RULES_ERROR_INVALID, node,
                 _("<way-out> route “%s” cites no source"), way->route);
  g_array_append_val (relation->ways_out, index);
  return load_text (ld, node, "text", TRUE, &way->text, error);
}

static gboolean
load_relation (Loader   *ld,
               xmlNode  *node,
               GError  **error)
{
  const CondScope scope = { WHERE_RELATION, -1 };
  g_autofree char *step = attr (node, "step");
  g_autofree char *needs = attr (node, "needs");
  gint s = step_index (ld->rs, step != NULL ? step : "");
  gint n = step_index (ld->rs, needs != NULL ? needs : "");
  TrkClause *clause;

  if (s < 0 || n < 0)
    return fail (ld, error, TRK_RULES_ERROR_UNKNOWN_ID, node,
                 _("<requires> refers to unknown step “%s”"), s < 0 ? step : needs);
  clause = load_clause (ld, node, TRK_CLAUSE_REQUIRES, ld->rs->relations, &scope, error);
  if (clause == NULL)
    return FALSE;
  clause->step = (guint16) s;
  clause->needs = (guint16) n;
  clause->ways_out = g_array_new (FALSE, FALSE, sizeof (guint16));
  for (xmlNode *c = first_child (node); c != NULL; c = next_sibling (c))
    {
      if (is_element (c, "way-out") && !load_way_out (ld, c, clause, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_item (Loader   *ld,
           xmlNode  *node,
           GError  **error)
{
  gboolean warning = is_element (node, "warning");
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
  if (!is_element (section, name))
    return fail (ld, error, TRK_RULES_ERROR_INVALID, section, _("expected <%s>"), name);
  for (xmlNode *c = first_child (section); c != NULL; c = next_sibling (c))
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

static int
compare_jd (gconstpointer a,
            gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

static void
collect_key_dates (Loader *ld)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, ld->dates);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint32 jd = GPOINTER_TO_UINT (key);
      g_array_append_val (ld->rs->key_dates, jd);
    }
  g_array_sort (ld->rs->key_dates, compare_jd);
}

static gboolean
load_sections (Loader   *ld,
               xmlNode  *root,
               GError  **error)
{
  xmlNode *c = first_child (root);

  while (is_element (c, "title"))
    c = next_sibling (c);
  if (!load_section (ld, c, "sources", load_source, error))
    return FALSE;
  c = next_sibling (c);
  if (!is_element (c, "questions"))
    return fail (ld, error, TRK_RULES_ERROR_INVALID, root, _("expected <questions>"));
  if (!load_questions (ld, c, error))
    return FALSE;
  c = next_sibling (c);
  if (!load_section (ld, c, "targets", load_target, error))
    return FALSE;
  c = next_sibling (c);
  if (!load_section (ld, c, "rules", load_rule, error))
    return FALSE;
  c = next_sibling (c);
  if (!load_section (ld, c, "steps", load_step, error))
    return FALSE;
  c = next_sibling (c);
  if (!load_section (ld, c, "prerequisites", load_relation, error))
    return FALSE;
  c = next_sibling (c);
  if (!load_section (ld, c, "checklist", load_item, error))
    return FALSE;
  c = next_sibling (c);
  return load_section (ld, c, "warnings", load_item, error);
}

/* For each question, the questions its ask-when reads. The first pass of
 * the relevance fixpoint looks at every question; the next passes only at
 * those that read a question that just became relevant. */
static void
collect_ask_reads (TrkRuleSet *rs)
{
  for (guint q = 0; q < rs->questions->len; q++)
    {
      TrkQuestion *question = g_ptr_array_index (rs->questions, q);
      const TrkCondNode *n;

      /* bit 63 too, so that "all changed" (~0) always matches */
      question->ask_reads = G_GUINT64_CONSTANT (1) << 63;
      if (question->ask_when < 0)
        continue;
      n = &g_array_index (rs->conds, TrkCondNode, question->ask_when);
      for (guint i = 0; i < n->size; i++)
        {
          switch ((TrkCondOp) n[i].op)
            {
            case TRK_COND_IS:
            case TRK_COND_AT_LEAST:
            case TRK_COND_BELOW:
            case TRK_COND_MISSING:
              question->ask_reads |= G_GUINT64_CONSTANT (1) << n[i].arg;
              break;
            case TRK_COND_ALL:
            case TRK_COND_ANY:
            case TRK_COND_NOT:
            case TRK_COND_ON_OR_AFTER:
            case TRK_COND_BEFORE:
            case TRK_COND_OUTCOME:
            case TRK_COND_LOOP:
            case TRK_COND_RESTS_ON:
            default:
              break;
            }
        }
    }
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
  if (!check_root (&ld, root, error) || !validate_schema (&ld, doc, error)
      || !load_header (&ld, root, error) || !load_sections (&ld, root, error))
    return FALSE;

  collect_key_dates (&ld);
  build_hot (self, self->relations, self->hot_relations);
  build_hot (self, self->items, self->hot_items);
  build_hot (self, self->warnings, self->hot_warnings);
  collect_ask_reads (self);
  return TRUE;
}
