/* trk-rule-set-private.h - the compiled rules model shared by loader, evaluator and check
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-condition.h"
#include "trk-rule-set.h"

G_BEGIN_DECLS

/* Limits that let the evaluator keep its whole state on the stack. */
#define TRK_MAX_QUESTIONS   64
#define TRK_MAX_CHOICES     64
#define TRK_MAX_TARGETS     8
#define TRK_MAX_STATUSES    64
#define TRK_MAX_STEPS       32
#define TRK_MAX_CLAUSES     1024  /* per kind: rules+notes, relations, items, warnings */
#define TRK_MAX_WAYS_OUT    256

/* First letter and length of an id or value: a cheap first test before
 * comparing strings. */
#define TRK_KEY(first, len) ((guint16) (((guint) (guchar) (first) << 8) | ((len) & 0xff)))

/* A text read by people; s[lang] is NULL when the file lacks that language
 * (lookups then fall back to English). */
typedef struct
{
  char        *s[TRK_N_LANGS];
  const char  *element;  /* "label", "text", ... (static) */
  guint        line;
} TrkText;

static inline const char *
trk_text_get (const TrkText *text,
              TrkLang        lang)
{
  return text->s[lang] != NULL ? text->s[lang] : text->s[TRK_LANG_EN];
}

typedef struct
{
  char          *id;
  TrkSourceKind  kind;
  char          *date;       /* YYYY-MM-DD, NULL when not known */
  char          *url;        /* NULL when none */
  char          *publisher;  /* NULL when none */
  TrkText        title;
  guint          line;
} TrkSource;

typedef struct
{
  guint    source;
  char    *quote;
  TrkText  pinpoint;  /* all NULL when the cite has none */
  guint    line;
} TrkCite;

typedef struct
{
  char    *value;
  TrkText  label;
  TrkText  help;
} TrkChoice;

struct _TrkQuestion
{
  char            *id;
  guint            index;
  TrkQuestionType  kind;
  gboolean         optional;
  int              min;
  int              max;
  gint32           ask_when;
  guint64          ask_reads;  /* questions its ask-when reads; all bits on the first pass */
  TrkText          label;
  TrkText          help;
  GPtrArray       *choices;   /* TrkChoice */
  guint16          choice_key[TRK_MAX_CHOICES];  /* TRK_KEY of each value */
  char            *allowed;   /* "a, b, c" or "0..150", for messages */
  guint            line;
};

typedef struct
{
  char    *id;
  TrkText  label;
} TrkStatus;

/* What the evaluator reads of a clause, as one small record in an array
 * (built after loading), so that walking the clauses stays in cache. */
typedef enum
{
  TRK_GUARD_NONE,
  TRK_GUARD_ANSWER,  /* guard_arg is a question */
  TRK_GUARD_STATUS,  /* guard_arg is a target */
} TrkGuardKind;

typedef struct
{
  guint32  from;        /* julian day; 0 when open */
  guint32  until;       /* julian day; G_MAXUINT32 when open */
  gint32   when;
  guint16  index;       /* into the clause's array */
  guint8   note;        /* rules: a note, not a rule */
  guint8   step;        /* relations: step needs `needs` */
  guint8   needs;
  guint8   guard_kind;  /* TrkGuardKind */
  guint8   guard_arg;
  guint8   padding;
  guint64  guard_mask;  /* a known value outside it makes `when` false */
} TrkHot;

static inline gboolean
trk_hot_in_effect (const TrkHot *hot,
                   guint32       date)
{
  return date >= hot->from && date < hot->until;
}

/* FALSE when the guard alone already makes `when` false: the most
 * selective <is>/<outcome> test that `when` needs (checked without
 * following pointers into the condition array). */
static inline gboolean
trk_hot_guard_passes (const TrkHot     *hot,
                      const TrkCondEnv *env)
{
  gint32 v;

  if (hot->guard_kind == TRK_GUARD_NONE)
    return TRUE;
  v = hot->guard_kind == TRK_GUARD_ANSWER ? env->values[hot->guard_arg] : env->status[hot->guard_arg];
  return v < 0 || ((hot->guard_mask >> v) & 1);
}

typedef struct
{
  char      *id;
  TrkText    label;
  GPtrArray *statuses;  /* TrkStatus */
  GArray    *clauses;   /* TrkHot: rules and notes of this target, file order */
  guint      line;
} TrkTarget;

typedef enum
{
  TRK_CLAUSE_RULE,
  TRK_CLAUSE_NOTE,
  TRK_CLAUSE_REQUIRES,
  TRK_CLAUSE_ITEM,
  TRK_CLAUSE_WARNING,
} TrkClauseKind;

/* A way out of a loop: another answer to a question, or a dated route
 * (a procedure open on some dates only) that lifts every relation
 * carrying the same route. */
typedef struct
{
  guint      relation;
  guint      question;  /* G_MAXUINT for a route */
  gint32     value;     /* choice index */
  char      *route;     /* route id, NULL for an answer */
  guint32    from;      /* julian day, 0 = open */
  guint32    until;     /* julian day, 0 = open */
  char      *answer;    /* "id=value" or "route:id" */
  GPtrArray *cites;     /* TrkCite */
  guint8     kinds;     /* bit (1 << TrkSourceKind) of each source cited */
  TrkText    text;
  guint      line;
} TrkWayOut;

static inline gboolean
trk_way_out_in_effect (const TrkWayOut *way,
                       guint32          date)
{
  return date >= way->from && (way->until == 0 || date < way->until);
}

/* A rule, note, prerequisite relation, checklist item or warning. */
typedef struct
{
  TrkClauseKind  kind;
  char          *id;
  char          *key;       /* items and warnings */
  guint16        target;    /* rules and notes */
  guint16        status;    /* rules */
  guint16        step;      /* relations: step needs `needs` */
  guint16        needs;
  guint32        from;      /* julian day, 0 = none */
  guint32        until;     /* julian day, 0 = none */
  gint32         when;
  GPtrArray     *cites;     /* TrkCite */
  guint8         kinds;     /* bit (1 << TrkSourceKind) of each source cited */
  TrkText        text;
  GArray        *ways_out;  /* guint16 into rule set's ways_out */
  guint          line;
} TrkClause;

typedef struct
{
  char    *id;
  TrkText  label;
  guint    line;
} TrkStep;

struct _TrkRuleSet
{
  GObject     parent_instance;

  char       *name;        /* file name for messages */
  char       *id;
  char       *version;
  char       *checked;
  TrkText     title;

  GPtrArray  *sources;     /* TrkSource */
  GPtrArray  *questions;   /* TrkQuestion */
  GPtrArray  *targets;     /* TrkTarget */
  GPtrArray  *rules;       /* TrkClause: rules and notes */
  GPtrArray  *steps;       /* TrkStep */
  GPtrArray  *relations;   /* TrkClause */
  GPtrArray  *items;       /* TrkClause */
  GPtrArray  *warnings;    /* TrkClause */
  GPtrArray  *ways_out;    /* TrkWayOut */
  GArray     *conds;       /* TrkCondNode */
  GArray     *hot_relations; /* TrkHot of each relation */
  GArray     *hot_items;   /* TrkHot of each item */
  GArray     *hot_warnings; /* TrkHot of each warning */
  GPtrArray  *texts;       /* TrkText *, every text, for the language check */
  GArray     *key_dates;   /* guint32 julian days named anywhere, sorted, unique */
  GHashTable *question_ids; /* id -> TrkQuestion */
  guint16     question_key[TRK_MAX_QUESTIONS];  /* TRK_KEY of each id */
};

TrkRuleSet *_trk_rule_set_new          (void);
/* Arrays that free their elements, for the loader. */
GPtrArray  *_trk_cite_array_new        (void);
GPtrArray  *_trk_choice_array_new      (void);
GPtrArray  *_trk_status_array_new      (void);
/* Fills @self from the document; errors name the line. */
gboolean    _trk_rules_load            (TrkRuleSet  *self,
                                        GBytes      *bytes,
                                        const char  *name,
                                        GError     **error);

static inline TrkClause *
trk_rule_set_clause (GPtrArray *clauses,
                     guint      index)
{
  return g_ptr_array_index (clauses, index);
}

/* The compact record of a clause for the evaluator. */
TrkHot      _trk_clause_hot            (TrkRuleSet      *self,
                                        const TrkClause *clause,
                                        guint            index);

/* Joined citations of a clause: "Title, pinpoint; Title 2". */
char       *_trk_clause_citation       (TrkRuleSet      *self,
                                        const TrkClause *clause,
                                        TrkLang          lang);
/* The same for any list of cites (a way out's). */
char       *_trk_cites_citation        (TrkRuleSet      *self,
                                        GPtrArray       *cites,
                                        TrkLang          lang);
/* Bit (1 << TrkSourceKind) of each source the cites name. */
guint       _trk_cites_kinds           (TrkRuleSet      *self,
                                        GPtrArray       *cites);
gint        _trk_target_index          (TrkRuleSet      *self,
                                        const char      *id);
gint        _trk_status_index          (const TrkTarget *target,
                                        const char      *id);

G_END_DECLS
