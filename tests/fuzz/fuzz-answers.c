/* fuzz-answers.c - libFuzzer target: the answers loader, the round trip
 * through the writer, and the evaluation against the built-in rules
 *
 * Answers files are what the wizard autosaves and what consulates pass
 * around: any bytes must load or give a TRK_ANSWERS_ERROR; what loads
 * must survive save + load unchanged (nothing lost) and evaluate against
 * the built-in rules into a result that follows the contract.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trk-fuzz.h"

#define ANSWERS_NAME "fuzz.answers.xml"

static void
check_load_error (const GError *error)
{
  if (error == NULL)
    g_error ("the answers loader failed without an error");
  if (error->domain != TRK_ANSWERS_ERROR)
    g_error ("answers error in domain %s: %s", g_quark_to_string (error->domain), error->message);
  if (!g_utf8_validate (error->message, -1, NULL))
    {
      g_autofree char *escaped = g_strescape (error->message, NULL);

      g_error ("answers error message is not valid UTF-8: %s", escaped);
    }
  if (!g_str_has_prefix (error->message, ANSWERS_NAME ":"))
    g_error ("answers error does not name the file: %s", error->message);
}

static void
assert_same_answers (TrkAnswers *a,
                     TrkAnswers *b,
                     const char *how)
{
  g_autoptr(GPtrArray) ids_a = trk_answers_list_ids (a);
  g_autoptr(GPtrArray) ids_b = trk_answers_list_ids (b);
  GDate date_a, date_b;
  gboolean has_a = trk_answers_get_date (a, &date_a);
  gboolean has_b = trk_answers_get_date (b, &date_b);

  if (ids_a->len != ids_b->len)
    g_error ("%s: %u answers became %u", how, ids_a->len, ids_b->len);
  for (guint i = 0; i < ids_a->len; i++)
    {
      const char *id = g_ptr_array_index (ids_a, i);

      if (g_strcmp0 (id, g_ptr_array_index (ids_b, i)) != 0)
        g_error ("%s: answer %u “%s” moved or changed its id", how, i, id);
      if (g_strcmp0 (trk_answers_get (a, id), trk_answers_get (b, id)) != 0)
        g_error ("%s: answer “%s” changed from “%s” to “%s”", how, id,
                 trk_answers_get (a, id), trk_answers_get (b, id));
    }
  if (has_a != has_b || (has_a && g_date_compare (&date_a, &date_b) != 0))
    g_error ("%s: the date changed", how);
}

/* What the autosave writes must load back as the same answers, and
 * writing those again must give the same bytes. */
static void
round_trip (TrkAnswers *answers)
{
  g_autofree char *xml = trk_answers_to_xml (answers);
  g_autofree char *xml_again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TrkAnswers) reloaded = NULL;
  g_autoptr(TrkAnswers) copy = trk_answers_copy (answers);
  g_autoptr(GError) error = NULL;

  if (xml == NULL || !g_utf8_validate (xml, -1, NULL))
    g_error ("trk_answers_to_xml gave no UTF-8 text");
  bytes = g_bytes_new_static (xml, strlen (xml));
  reloaded = trk_answers_load_bytes (bytes, ANSWERS_NAME, &error);
  if (reloaded == NULL)
    g_error ("saved answers do not load: %s\n%s", error->message, xml);
  assert_same_answers (answers, reloaded, "save + load");
  assert_same_answers (answers, copy, "copy");

  xml_again = trk_answers_to_xml (reloaded);
  if (strcmp (xml, xml_again) != 0)
    g_error ("saving loaded answers changes the file:\n%s\n%s", xml, xml_again);
}

static void
evaluate (TrkAnswers *answers)
{
  TrkRuleSet *rules = trk_fuzz_builtin_rules ();
  g_autoptr(TrkResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GDate fixed;
  const GDate *date = NULL;

  /* Without a date "today" applies: fix it so a crash replays. */
  if (!trk_answers_get_date (answers, &fixed))
    {
      g_date_clear (&fixed, 1);
      g_date_set_dmy (&fixed, 28, G_DATE_NOVEMBER, 2026);
      date = &fixed;
    }

  trk_fuzz_check_relevance (rules, answers, date);
  result = trk_evaluate (rules, answers, date, &error);
  if (result != NULL)
    trk_fuzz_check_result (result, TRUE);
  else
    trk_fuzz_check_eval_error (error);
}

void
trk_fuzz_answers (const guint8 *data,
                  gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(TrkAnswers) answers = NULL;
  g_autoptr(GError) error = NULL;

  answers = trk_answers_load_bytes (bytes, ANSWERS_NAME, &error);
  if (answers == NULL)
    {
      check_load_error (error);
      return;
    }
  round_trip (answers);
  evaluate (answers);
}

#ifndef TRK_FUZZ_NO_MAIN
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  trk_fuzz_init ();
  trk_fuzz_builtin_rules ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  trk_fuzz_answers (data, size);
  return 0;
}
#endif
