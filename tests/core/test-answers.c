/* test-answers.c - the answer store, dates, the answers file and hostile input
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "trk-test-utils.h"

static void
count_cb (TrkAnswers *answers,
          guint      *count)
{
  (*count)++;
}

static void
test_store (void)
{
  g_autoptr(TrkAnswers) answers = trk_answers_new ();
  g_autoptr(GPtrArray) ids = NULL;
  guint changed = 0;

  g_signal_connect (answers, "changed", G_CALLBACK (count_cb), &changed);
  trk_answers_set (answers, "status", "foreigner");
  trk_answers_set (answers, "age", "30");
  trk_answers_set (answers, "status", "stateless");
  trk_answers_set (answers, "status", "stateless");  /* no change, no signal */
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpstr (trk_answers_get (answers, "status"), ==, "stateless");
  g_assert_null (trk_answers_get (answers, "purpose"));

  ids = trk_answers_list_ids (answers);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, "status");
  g_assert_cmpstr (g_ptr_array_index (ids, 1), ==, "age");

  trk_answers_unset (answers, "status");
  trk_answers_unset (answers, "status");
  g_assert_cmpuint (changed, ==, 4);
  g_assert_null (trk_answers_get (answers, "status"));
  trk_answers_clear (answers);
  g_assert_cmpuint (changed, ==, 5);
  g_assert_null (trk_answers_get (answers, "age"));
}

static void
test_date_parse (void)
{
  const char *valid[] = { "2024-01-01", "2024-02-29", "2025-06-30", "0001-01-01", "9999-12-31" };
  const char *invalid[] = { "2025-02-29", "2024-02-30", "2024-13-01", "2024-00-10", "2024-01-00",
                            "2024-1-01", "2024-01-1", " 2024-01-01", "2024-01-01 ", "2024/01/01",
                            "20240101", "0000-01-01", "2024-01-01x", "", "+024-01-01" };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autofree char *again = NULL;

      g_assert_true (trk_date_parse (valid[i], &date));
      again = trk_date_format (&date);
      g_assert_cmpstr (again, ==, valid[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (trk_date_parse (invalid[i], &date));
  g_assert_false (trk_date_parse (NULL, &date));
}

static void
test_date_and_copy (void)
{
  g_autoptr(TrkAnswers) answers = trk_answers_new ();
  g_autoptr(TrkAnswers) copy = NULL;
  GDate date = trk_test_date ("2025-07-01");
  GDate out;
  guint changed = 0;

  g_signal_connect (answers, "changed", G_CALLBACK (count_cb), &changed);
  g_assert_false (trk_answers_get_date (answers, &out));
  trk_answers_set_date (answers, &date);
  trk_answers_set_date (answers, &date);
  g_assert_cmpuint (changed, ==, 1);
  trk_answers_set (answers, "status", "citizen");

  copy = trk_answers_copy (answers);
  g_assert_true (trk_answers_get_date (copy, &out));
  g_assert_cmpint (g_date_compare (&out, &date), ==, 0);
  g_assert_cmpstr (trk_answers_get (copy, "status"), ==, "citizen");
  trk_answers_set (copy, "status", "foreigner");
  g_assert_cmpstr (trk_answers_get (answers, "status"), ==, "citizen");

  trk_answers_set_date (answers, NULL);
  g_assert_false (trk_answers_get_date (answers, NULL));
  g_assert_cmpuint (changed, ==, 3);
}

static TrkAnswers *
load_string (const char  *xml,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return trk_answers_load_bytes (bytes, "test.xml", error);
}

static void
test_round_trip (void)
{
  g_autoptr(TrkAnswers) answers = trk_test_answers ("status=foreigner age=34 purpose=visa");
  g_autoptr(TrkAnswers) loaded = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;
  GDate date = trk_test_date ("2026-11-28");
  GDate out;

  trk_answers_set_date (answers, &date);
  trk_answers_set (answers, "note", "a < b & \"c\" 'd' — Қазақ");
  xml = trk_answers_to_xml (answers);
  g_assert_true (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<answers date=\"2026-11-28\">"));

  loaded = load_string (xml, &error);
  g_assert_no_error (error);
  g_assert_true (trk_answers_get_date (loaded, &out));
  g_assert_cmpint (g_date_compare (&out, &date), ==, 0);
  g_assert_cmpstr (trk_answers_get (loaded, "note"), ==, "a < b & \"c\" 'd' — Қазақ");
  ids = trk_answers_list_ids (loaded);
  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (ids, 2), ==, "purpose");
  xml2 = trk_answers_to_xml (loaded);
  g_assert_cmpstr (xml, ==, xml2);
}

static void
test_contract_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkAnswers) answers = load_string (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<answers date=\"2026-11-28\">\n"
    "  <!-- a comment is fine -->\n"
    "  <answer id=\"status\">foreigner</answer>\n"
    "  <answer id=\"age\">\n    34\n  </answer>\n"
    "  <answer id=\"purpose\"><![CDATA[visa]]></answer>\n"
    "</answers>\n", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (trk_answers_get (answers, "status"), ==, "foreigner");
  g_assert_cmpstr (trk_answers_get (answers, "age"), ==, "34");
  g_assert_cmpstr (trk_answers_get (answers, "purpose"), ==, "visa");
}

static void
test_file_save_load (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trk-answers-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "answers.xml", NULL);
  g_autofree char *bad = g_build_filename (dir, "answers.xml", "inside", NULL);
  g_autoptr(TrkAnswers) answers = trk_test_answers ("status=citizen");
  g_autoptr(TrkAnswers) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;

  g_assert_true (trk_answers_save_file (answers, path, &error));
  g_assert_no_error (error);
  trk_answers_set (answers, "status", "stateless");
  g_assert_true (trk_answers_save_file (answers, path, &error));
  loaded = trk_answers_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trk_answers_get (loaded, "status"), ==, "stateless");

  /* A path below a file cannot be written. */
  g_assert_false (trk_answers_save_file (answers, bad, &error));
  g_assert_error (error, TRK_ANSWERS_ERROR, TRK_ANSWERS_ERROR_WRITE);
  g_clear_error (&error);

  /* Only the one file: no temporary left behind. */
  d = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (d), ==, "answers.xml");
  g_assert_null (g_dir_read_name (d));
  g_unlink (path);
  g_rmdir (dir);

  g_clear_object (&loaded);
  loaded = trk_answers_load_file (path, &error);
  g_assert_null (loaded);
  g_assert_error (error, TRK_ANSWERS_ERROR, TRK_ANSWERS_ERROR_MALFORMED);
}

/* A write that fails half-way (file size limit) leaves the old file intact. */
static void
test_write_fails_atomically (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *after = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(TrkAnswers) answers = trk_test_answers ("status=citizen");
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 64, 64 };

      g_file_set_contents (g_getenv ("TRK_TEST_PATH"), "old contents\n", -1, NULL);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (trk_answers_save_file (answers, g_getenv ("TRK_TEST_PATH"), &error));
      g_assert_error (error, TRK_ANSWERS_ERROR, TRK_ANSWERS_ERROR_WRITE);
      return;
    }

  dir = g_dir_make_tmp ("trk-answers-XXXXXX", NULL);
  path = g_build_filename (dir, "answers.xml", NULL);
  g_setenv ("TRK_TEST_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "old contents\n");
  g_unlink (path);
  g_rmdir (dir);
}

/* ===== hostile and malformed files ===== */

typedef struct
{
  const char *name;
  const char *xml;
  int         code;
  guint       line;
  const char *message;  /* part of the message */
} BadFile;

static const BadFile bad_files[] = {
  { "xxe-passwd",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE answers [\n  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
    "<answers><answer id=\"status\">&xxe;</answer></answers>\n",
    TRK_ANSWERS_ERROR_UNSAFE, 2, "DOCTYPE/entities are not allowed" },
  { "billion-laughs",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>\n"
    "<answers><answer id=\"status\">&lol3;</answer></answers>\n",
    TRK_ANSWERS_ERROR_UNSAFE, 2, "DOCTYPE/entities are not allowed" },
  { "remote-dtd",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE answers SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n<answers/>\n",
    TRK_ANSWERS_ERROR_UNSAFE, 2, "DOCTYPE/entities are not allowed" },
  { "parameter-entity",
    "<!DOCTYPE answers [ <!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p; ]>\n<answers/>\n",
    TRK_ANSWERS_ERROR_UNSAFE, 1, "DOCTYPE/entities are not allowed" },
  { "undefined-entity", "<answers>\n<answer id=\"status\">&ent;</answer>\n</answers>\n",
    TRK_ANSWERS_ERROR_MALFORMED, 2, "ent" },
  { "invalid-utf8", "<answers>\n<answer id=\"status\">for\xc3\x28igner</answer>\n</answers>\n",
    TRK_ANSWERS_ERROR_MALFORMED, 2, "UTF-8" },
  { "overlong-utf8", "<answers>\n\n<answer id=\"st\xc0\xaftus\">x</answer>\n</answers>\n",
    TRK_ANSWERS_ERROR_MALFORMED, 3, "UTF-8" },
  { "wrong-root", "<?xml version=\"1.0\"?>\n<tirkeu-rules/>\n",
    TRK_ANSWERS_ERROR_MALFORMED, 2, "<answers>" },
  { "duplicate-id",
    "<answers>\n  <answer id=\"status\">citizen</answer>\n  <answer id=\"status\">foreigner</answer>\n</answers>\n",
    TRK_ANSWERS_ERROR_DUPLICATE, 3, "“status”" },
  { "unknown-element", "<answers>\n  <question id=\"status\">citizen</question>\n</answers>\n",
    TRK_ANSWERS_ERROR_MALFORMED, 2, "<question>" },
  { "extra-attribute", "<answers>\n  <answer id=\"age\" unit=\"years\">3</answer>\n</answers>\n",
    TRK_ANSWERS_ERROR_MALFORMED, 2, "“unit”" },
  { "root-attribute", "<answers lang=\"kk\"/>\n",
    TRK_ANSWERS_ERROR_MALFORMED, 1, "“lang”" },
  { "namespaced-attribute", "<answers xmlns:x=\"urn:x\">\n  <answer id=\"age\" x:id=\"3\">3</answer>\n</answers>\n",
    TRK_ANSWERS_ERROR_MALFORMED, 1, "namespaces" },
  { "namespace", "<answers xmlns=\"urn:tirkeu\">\n</answers>\n",
    TRK_ANSWERS_ERROR_MALFORMED, 1, "namespaces" },
  { "mixed-content", "<answers>\n  <answer id=\"status\">citi<b>zen</b></answer>\n</answers>\n",
    TRK_ANSWERS_ERROR_MALFORMED, 2, "<b>" },
  { "stray-text", "<answers>\n  hello\n  <answer id=\"status\">citizen</answer>\n</answers>\n",
    TRK_ANSWERS_ERROR_MALFORMED, 2, "text" },
  { "processing-instruction", "<answers>\n<?php evil() ?>\n</answers>\n",
    TRK_ANSWERS_ERROR_MALFORMED, 2, "content" },
  { "missing-id", "<answers>\n\n  <answer>citizen</answer>\n</answers>\n",
    TRK_ANSWERS_ERROR_MALFORMED, 3, "id" },
  { "bad-date", "<answers date=\"2025-02-29\">\n</answers>\n",
    TRK_ANSWERS_ERROR_INVALID_DATE, 1, "2025-02-29" },
  { "not-well-formed", "<answers>\n  <answer id=\"status\">citizen</answr>\n</answers>\n",
    TRK_ANSWERS_ERROR_MALFORMED, 2, "" },
  { "empty", "", TRK_ANSWERS_ERROR_MALFORMED, 1, "" },
};

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkAnswers) answers = load_string (bad->xml, &error);

  g_assert_null (answers);
  g_assert_error (error, TRK_ANSWERS_ERROR, bad->code);
  trk_test_assert_line (error, "test.xml", bad->line);
  g_assert_nonnull (strstr (error->message, bad->message));
  g_assert_null (strstr (error->message, "root:"));
}

/* libxml2 must report through our handler only: nothing on stderr. */
static void
test_no_stderr (void)
{
  if (g_test_subprocess ())
    {
      for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(TrkAnswers) answers = load_string (bad_files[i].xml, &error);

          g_assert_null (answers);
        }
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) xml = g_string_new ("<answers>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkAnswers) answers = NULL;

  for (guint i = 0; i < 50000; i++)
    g_string_append (xml, "<a>");
  answers = load_string (xml->str, &error);
  g_assert_null (answers);
  g_assert_error (error, TRK_ANSWERS_ERROR, TRK_ANSWERS_ERROR_UNSAFE);
  trk_test_assert_line (error, "test.xml", 2);
  g_assert_nonnull (strstr (error->message, "nested deeper"));
}

static void
test_too_large (void)
{
  g_autoptr(GString) xml = g_string_new ("<answers>\n<!-- ");
  g_autofree char *dir = g_dir_make_tmp ("trk-answers-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkAnswers) answers = NULL;

  while (xml->len < 300 * 1024)
    g_string_append (xml, "padding padding padding padding\n");
  g_string_append (xml, "-->\n<answer id=\"status\">citizen</answer>\n</answers>\n");

  answers = load_string (xml->str, &error);
  g_assert_null (answers);
  g_assert_error (error, TRK_ANSWERS_ERROR, TRK_ANSWERS_ERROR_UNSAFE);
  g_assert_nonnull (strstr (error->message, "too large"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, xml->str, (gssize) xml->len, NULL));
  answers = trk_answers_load_file (path, &error);
  g_assert_null (answers);
  g_assert_error (error, TRK_ANSWERS_ERROR, TRK_ANSWERS_ERROR_UNSAFE);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trk/answers/store", test_store);
  g_test_add_func ("/trk/answers/date-parse", test_date_parse);
  g_test_add_func ("/trk/answers/date-and-copy", test_date_and_copy);
  g_test_add_func ("/trk/answers/round-trip", test_round_trip);
  g_test_add_func ("/trk/answers/contract-example", test_contract_example);
  g_test_add_func ("/trk/answers/file-save-load", test_file_save_load);
  g_test_add_func ("/trk/answers/write-fails-atomically", test_write_fails_atomically);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/trk/answers/hostile/%s", bad_files[i].name);
      g_test_add_data_func (path, &bad_files[i], test_bad_file);
    }
  g_test_add_func ("/trk/answers/hostile/no-stderr", test_no_stderr);
  g_test_add_func ("/trk/answers/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/trk/answers/hostile/too-large", test_too_large);

  return g_test_run ();
}
