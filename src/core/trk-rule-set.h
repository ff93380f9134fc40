/* trk-rule-set.h - a law encoded as data, loaded from a rules file
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "trk-lang.h"

G_BEGIN_DECLS

#define TRK_RULES_ERROR (trk_rules_error_quark ())

/* Errors of loading or checking a rules file (CLI exit code 3). */
typedef enum
{
  TRK_RULES_ERROR_UNSAFE,       /* DTD, entity, too large, too deep */
  TRK_RULES_ERROR_MALFORMED,    /* not well-formed XML, bad UTF-8 */
  TRK_RULES_ERROR_INVALID,      /* fails the RelaxNG schema */
  TRK_RULES_ERROR_UNKNOWN_ID,   /* refers to an id that is not defined */
  TRK_RULES_ERROR_DUPLICATE_ID,
  TRK_RULES_ERROR_INCONSISTENT, /* check-rules: a gap, an overlap, a missing language */
} TrkRulesError;

GQuark trk_rules_error_quark (void);

typedef enum
{
  TRK_QUESTION_CHOICE,
  TRK_QUESTION_INTEGER,
} TrkQuestionType;

/* What kind of text a source is: how sure a line resting on it is. */
typedef enum
{
  TRK_SOURCE_LEGAL_UPDATE,  /* a law firm's summary of a law */
  TRK_SOURCE_PRESS_REPORT,  /* a news report of an official act; its own text was not checked */
  TRK_SOURCE_OFFICIAL,      /* the official text */
} TrkSourceKind;

#define TRK_N_SOURCE_KINDS 3

/* "legal_update", "press_report", "official" (the contract's names). */
const char  *trk_source_kind_to_string (TrkSourceKind kind);
gboolean     trk_source_kind_from_string (const char    *name,
                                          TrkSourceKind *out_kind);
/* The kind as a reader reads it, in @lang. (transfer full) */
char        *trk_source_kind_describe  (TrkSourceKind kind,
                                        TrkLang       lang);

/* Owned by its TrkRuleSet; valid as long as the rule set lives. */
typedef struct _TrkQuestion TrkQuestion;

#define TRK_TYPE_RULE_SET (trk_rule_set_get_type ())
G_DECLARE_FINAL_TYPE (TrkRuleSet, trk_rule_set, TRK, RULE_SET, GObject)

/* The rules built into the program (GResource), merged with all translations. */
TrkRuleSet  *trk_rule_set_new_builtin        (GError     **error);
TrkRuleSet  *trk_rule_set_new_from_file      (const char  *path,
                                              GError     **error);
/* @name is used in error messages ("name:line: ..."). */
TrkRuleSet  *trk_rule_set_new_from_bytes     (GBytes      *bytes,
                                              const char  *name,
                                              GError     **error);

const char  *trk_rule_set_get_id             (TrkRuleSet  *self);
const char  *trk_rule_set_get_version        (TrkRuleSet  *self);
/* Date (YYYY-MM-DD) the rules were last checked against the law. */
const char  *trk_rule_set_get_checked        (TrkRuleSet  *self);
const char  *trk_rule_set_get_title          (TrkRuleSet  *self,
                                              TrkLang      lang);

/* The sources the rules cite, in file order. Date, address and
 * publisher are NULL when the file does not give them. */
guint         trk_rule_set_get_n_sources       (TrkRuleSet  *self);
const char   *trk_rule_set_get_source_id       (TrkRuleSet  *self,
                                                guint        index);
TrkSourceKind trk_rule_set_get_source_kind     (TrkRuleSet  *self,
                                                guint        index);
const char   *trk_rule_set_get_source_title    (TrkRuleSet  *self,
                                                guint        index,
                                                TrkLang      lang);
const char   *trk_rule_set_get_source_date     (TrkRuleSet  *self,
                                                guint        index);
const char   *trk_rule_set_get_source_url      (TrkRuleSet  *self,
                                                guint        index);
const char   *trk_rule_set_get_source_publisher (TrkRuleSet *self,
                                                 guint       index);
/* "reported by zakon.kz on 13 October 2025; the official text was not
 * checked" for a press report, NULL for other kinds. (transfer full) */
char         *trk_rule_set_describe_source     (TrkRuleSet  *self,
                                                guint        index,
                                                TrkLang      lang);

guint        trk_rule_set_get_n_questions    (TrkRuleSet  *self);
TrkQuestion *trk_rule_set_get_question       (TrkRuleSet  *self,
                                              guint        index);
TrkQuestion *trk_rule_set_lookup_question    (TrkRuleSet  *self,
                                              const char  *id);

/* The targets the rules decide, in file order ("dactyloscopy", "iin"):
 * clients list them from here instead of naming them. */
guint        trk_rule_set_get_n_targets      (TrkRuleSet  *self);
const char  *trk_rule_set_get_target_id      (TrkRuleSet  *self,
                                              guint        index);

/* Labels of a target ("dactyloscopy", "iin") and of its statuses. */
const char  *trk_rule_set_get_target_label   (TrkRuleSet  *self,
                                              const char  *target,
                                              TrkLang      lang);
const char  *trk_rule_set_get_status_label   (TrkRuleSet  *self,
                                              const char  *target,
                                              const char  *status,
                                              TrkLang      lang);
/* Label of a prerequisite step ("iin", "presence", "entry", ...). */
const char  *trk_rule_set_get_step_label     (TrkRuleSet  *self,
                                              const char  *step,
                                              TrkLang      lang);

const char      *trk_question_get_id          (const TrkQuestion *question);
TrkQuestionType  trk_question_get_kind        (const TrkQuestion *question);
gboolean         trk_question_is_optional     (const TrkQuestion *question);
const char      *trk_question_get_label       (const TrkQuestion *question,
                                               TrkLang            lang);
/* (nullable) */
const char      *trk_question_get_help        (const TrkQuestion *question,
                                               TrkLang            lang);
guint            trk_question_get_n_choices   (const TrkQuestion *question);
const char      *trk_question_get_choice_value (const TrkQuestion *question,
                                                guint              index);
const char      *trk_question_get_choice_label (const TrkQuestion *question,
                                                guint              index,
                                                TrkLang            lang);
/* (nullable) */
const char      *trk_question_get_choice_help (const TrkQuestion *question,
                                               guint              index,
                                               TrkLang            lang);
int              trk_question_get_min         (const TrkQuestion *question);
int              trk_question_get_max         (const TrkQuestion *question);

G_END_DECLS
