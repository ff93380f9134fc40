/* trk-rules-loader-private.h - what the rules loader's parts share
 *
 * The loader is three files: trk-rules-reader.c (walking the document,
 * texts, ids and dates, errors that name the line), trk-condition-compiler.c
 * (<when> and <ask-when> into TrkCondNode arrays) and trk-rules-loader.c
 * (the sections, in file order). trk-rules-schema.c validates against the
 * RelaxNG schema first.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-rule-set-private.h"
#include "trk-xml-private.h"

G_BEGIN_DECLS

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
  CondWhere where;
  gint      target;  /* WHERE_RULE: the rule's own target */
} CondScope;

/* The state of one load. */
typedef struct
{
  TrkRuleSet  *rs;
  const char  *name;
  GHashTable  *clause_ids;   /* id -> line */
  GHashTable  *dates;        /* julian day set: the key dates check-rules visits */
} Loader;

/* Sets @error to "NAME:LINE: message" (the node's line); returns FALSE. */
gboolean     _trk_ld_fail            (Loader       *ld,
                                      GError      **error,
                                      int           code,
                                      xmlNode      *node,
                                      const char   *format,
                                      ...) G_GNUC_PRINTF (5, 6);
/* An attribute as a g_malloc'ed string, NULL when absent. */
char        *_trk_ld_attr            (xmlNode      *node,
                                      const char   *name);
gboolean     _trk_ld_is_element      (xmlNode      *node,
                                      const char   *name);
/* Element children only. */
xmlNode     *_trk_ld_first_child     (xmlNode      *node);
xmlNode     *_trk_ld_next_sibling    (xmlNode      *node);
/* The <@element> children of @parent (one per language) into @out;
 * @required: at least the English one. */
gboolean     _trk_ld_load_text       (Loader       *ld,
                                      xmlNode      *parent,
                                      const char   *element,
                                      gboolean      required,
                                      TrkText      *out,
                                      GError      **error);
/* Attribute @name as a julian day; 0 when absent. */
gboolean     _trk_ld_parse_date      (Loader       *ld,
                                      xmlNode      *node,
                                      const char   *name,
                                      guint32      *out_jd,
                                      GError      **error);
gboolean     _trk_ld_claim_clause_id (Loader       *ld,
                                      xmlNode      *node,
                                      const char   *id,
                                      GError      **error);
/* FALSE (an error) when @count reached @max. */
gboolean     _trk_ld_check_count     (Loader       *ld,
                                      xmlNode      *node,
                                      guint         count,
                                      guint         max,
                                      GError      **error);
/* The question its `answer` attribute names, or NULL with @error set. */
TrkQuestion *_trk_ld_cond_question   (Loader       *ld,
                                      xmlNode      *node,
                                      GError      **error);
gint         _trk_ld_choice_index    (const TrkQuestion *q,
                                      const char   *value);

/* Compiles the condition inside @parent's <@wrapper> (<when>, <ask-when>),
 * if any, into ld->rs->conds; *out_index is TRK_COND_NONE without one. */
gboolean     _trk_ld_compile_wrapper (Loader           *ld,
                                      xmlNode          *parent,
                                      const char       *wrapper,
                                      const CondScope  *scope,
                                      gint32           *out_index,
                                      GError          **error);

/* For each question, the questions its ask-when reads (the relevance
 * fixpoint looks again only at those). */
void         _trk_ld_collect_ask_reads  (TrkRuleSet  *rs);
/* The dates named anywhere, sorted, into ld->rs->key_dates. */
void         _trk_ld_collect_key_dates  (Loader      *ld);

/* RelaxNG validation against the schema in the core's GResource. */
gboolean     _trk_rules_validate_schema (xmlDoc      *doc,
                                         const char  *name,
                                         GError     **error);

G_END_DECLS
