/* test-cli.c - tirkeu-cli as a program: output, exit codes, hostile files
 *
 * The path of the built tirkeu-cli is the first argument (from meson).
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "trk-cli-runner.h"

static const char *cli_path;
static char *tmp_dir;
/* When not 0, a run that takes longer than this many seconds is killed and
 * fails the test (for inputs that used to make tirkeu-cli wait forever). */
static guint run_deadline_s;

/* Runs tirkeu-cli with the NULL-terminated arguments; @stdout_path
 * (nullable) receives stdout instead of a pipe. */
static void
run_to (TrkCliRun         *run,
        const char  *stdout_path,
        const char  *first,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  trk_cli_run (run, cli_path, (const char *const *) args->pdata, NULL, stdout_path, run_deadline_s);
}

#define run_cli(run, ...) run_to (run, NULL, __VA_ARGS__, NULL)

/* An error: the code, nothing on stdout, one line on stderr holding @part. */
static void
assert_error (const TrkCliRun  *run,
              int         status,
              const char *part)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "tirkeu-cli: "));
  g_assert_nonnull (strstr (run->err, part));
  /* one message, no libxml2 noise */
  g_assert_cmpint (strchr (run->err, '\n') - run->err, ==, (long) strlen (run->err) - 1);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static char *
write_tmp (const char *name,
           const char *contents)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static JsonObject *
parse_json (JsonParser *parser,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static const char *
status_of (JsonObject *root,
           const char *target)
{
  return json_object_get_string_member (json_object_get_object_member (root, target), "status");
}

/* ===== 0: done ===== */

static void
test_version (void)
{
  g_auto(TrkCliRun) run = { 0 };

  run_cli (&run, "--version");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "tirkeu-cli " PACKAGE_VERSION "\n"));
  g_assert_nonnull (strstr (run.out, "kz-dactyloscopy"));
  g_assert_nonnull (strstr (run.out, "checked 20"));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_help (void)
{
  g_auto(TrkCliRun) run = { 0 };
  g_auto(TrkCliRun) eval = { 0 };

  run_cli (&run, "--help");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "tirkeu-cli evaluate"));
  g_assert_nonnull (strstr (run.out, "tirkeu-cli check-rules"));
  run_cli (&eval, "evaluate", "--help");
  g_assert_cmpint (eval.status, ==, 0);
  g_assert_nonnull (strstr (eval.out, "--answers"));
  g_assert_nonnull (strstr (eval.out, "--json"));
}

static void
test_evaluate_text (void)
{
  g_auto(TrkCliRun) run = { 0 };

  run_cli (&run, "evaluate", "--date=2025-03-01", "status=foreigner", "age=34", "purpose=refugee",
           "fingerprinted=no", "has_iin=yes", "passport_language=other");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "2025-03-01"));
  g_assert_nonnull (strstr (run.out, "[mandatory]"));
  g_assert_nonnull (strstr (run.out, "[held]"));
  g_assert_nonnull (strstr (run.out, "[ ] "));
  g_assert_nonnull (strstr (run.out, "Law of the Republic of Kazakhstan"));
}

static void
test_evaluate_json (void)
{
  g_autofree char *answers = fixture ("answers-loop.xml");
  g_autofree char *opt = g_strconcat ("--answers=", answers, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(TrkCliRun) run = { 0 };
  JsonObject *root, *cd;
  JsonArray *cycle;

  run_cli (&run, "evaluate", opt, "--json");
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (parser, run.out);
  /* the answers file's date, as no --date was given */
  g_assert_cmpstr (json_object_get_string_member (root, "date"), ==, "2025-03-01");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "rules"), "id"), ==,
                   "kz-dactyloscopy");
  g_assert_cmpstr (status_of (root, "dactyloscopy"), ==, "mandatory");
  g_assert_cmpstr (status_of (root, "iin"), ==, "in_person");
  cd = json_object_get_object_member (root, "circular_dependency");
  g_assert_true (json_object_get_boolean_member (cd, "detected"));
  cycle = json_object_get_array_member (cd, "cycle");
  g_assert_cmpuint (json_array_get_length (cycle), ==, 5);
  g_assert_cmpstr (json_array_get_string_element (cycle, 0), ==, "iin");
  g_assert_cmpstr (json_array_get_string_element (cycle, 4), ==, "dactyloscopy");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cd, "ways_out")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "checklist")), >, 0);
}

/* ID=VALUE overrides the file; "--opt VALUE" works like "--opt=VALUE". */
static void
test_overrides (void)
{
  g_autofree char *answers = fixture ("answers-loop.xml");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  g_auto(TrkCliRun) run = { 0 };
  g_auto(TrkCliRun) dated = { 0 };
  JsonObject *root;

  run_cli (&run, "evaluate", "--answers", answers, "--json", "location=kazakhstan");
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (parser, run.out);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (root, "circular_dependency"),
                                                  "detected"));

  run_cli (&dated, "evaluate", "--answers", answers, "--date", "2023-12-31", "--json");
  g_assert_cmpint (dated.status, ==, 0);
  root = parse_json (parser2, dated.out);
  g_assert_cmpstr (json_object_get_string_member (root, "date"), ==, "2023-12-31");
  g_assert_cmpstr (status_of (root, "dactyloscopy"), ==, "not_in_force");
}

static gboolean
has_any_char (const char *text,
              const char *chars)
{
  for (const char *c = chars; *c != '\0'; c = g_utf8_next_char (c))
    if (g_utf8_strchr (text, -1, g_utf8_get_char (c)) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_languages (void)
{
  g_autofree char *answers = fixture ("answers-loop.xml");
  g_autofree char *opt = g_strconcat ("--answers=", answers, NULL);
  g_autoptr(JsonParser) pen = json_parser_new ();
  g_autoptr(JsonParser) pkk = json_parser_new ();
  g_autoptr(JsonParser) pru = json_parser_new ();
  g_auto(TrkCliRun) en = { 0 };
  g_auto(TrkCliRun) kk = { 0 };
  g_auto(TrkCliRun) ru = { 0 };
  const char *text_en, *text_kk, *text_ru;

  run_cli (&en, "evaluate", opt, "--json");
  run_cli (&kk, "evaluate", opt, "--json", "--lang=kk");
  run_cli (&ru, "evaluate", opt, "--json", "--lang", "ru");
  g_assert_cmpint (kk.status, ==, 0);
  g_assert_cmpint (ru.status, ==, 0);

  text_en = json_object_get_string_member (json_array_get_object_element (
    json_object_get_array_member (parse_json (pen, en.out), "checklist"), 0), "text");
  text_kk = json_object_get_string_member (json_array_get_object_element (
    json_object_get_array_member (parse_json (pkk, kk.out), "checklist"), 0), "text");
  text_ru = json_object_get_string_member (json_array_get_object_element (
    json_object_get_array_member (parse_json (pru, ru.out), "checklist"), 0), "text");
  g_assert_cmpstr (text_en, !=, text_kk);
  g_assert_cmpstr (text_en, !=, text_ru);
  g_assert_cmpstr (text_kk, !=, text_ru);
  g_assert_true (has_any_char (text_ru, "абвгдежзийклмнопрстуфхцчшщыэюя"));
  g_assert_true (has_any_char (kk.out, "әғқңөұүһі"));
  g_assert_false (has_any_char (ru.out, "әғқңөұүһ"));
}

static void
test_check_rules (void)
{
  g_auto(TrkCliRun) run = { 0 };
  g_autofree char *path = fixture ("law.rules.xml");
  g_auto(TrkCliRun) file = { 0 };

  run_cli (&run, "check-rules");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "kz-dactyloscopy"));
  g_assert_nonnull (strstr (run.out, "combinations of answers on"));
  g_assert_nonnull (strstr (run.out, " dates checked in "));
  g_assert_cmpstr (run.err, ==, "");

  run_cli (&file, "check-rules", path);
  g_assert_cmpint (file.status, ==, 0);
  g_assert_nonnull (strstr (file.out, "kz-dactyloscopy-fixture 0.9-test: OK"));
}

/* ===== 2: bad input ===== */

static void
test_bad_input (void)
{
  const struct { const char *args[4]; const char *part; } cases[] = {
    { { "frobnicate" }, "unknown command “frobnicate”" },
    { { "evaluate", "--frob" }, "--frob" },
    { { "evaluate", "--lang=de", "status=citizen" }, "allowed: en, kk, ru" },
    { { "evaluate", "--date=2025-02-30", "status=citizen" }, "2025-02-30" },
    { { "evaluate", "--date=yesterday", "status=citizen" }, "YYYY-MM-DD" },
    { { "evaluate", "colour=blue" }, "“colour”" },
    { { "evaluate", "status=martian" }, "allowed: citizen, foreigner, stateless" },
    { { "evaluate", "--date=2025-03-01", "status=foreigner", "age=999" }, "“age”" },
    { { "evaluate", "--date=2025-03-01", "status=foreigner", "age=30" }, "missing answer “purpose”" },
    { { "evaluate", "--date=2025-03-01" }, "missing answer “status”" },
    { { "evaluate", "status" }, "ID=VALUE" },
    { { "evaluate", "--answers=/nonexistent/answers.xml" }, "/nonexistent/answers.xml" },
    { { "check-rules", "a.xml", "b.xml" }, "at most one" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(TrkCliRun) run = { 0 };

      run_cli (&run, cases[i].args[0], cases[i].args[1], cases[i].args[2], cases[i].args[3]);
      assert_error (&run, 2, cases[i].part);
    }
}

static void
test_no_arguments (void)
{
  g_auto(TrkCliRun) run = { 0 };

  run_to (&run, NULL, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "tirkeu-cli evaluate"));
}

static void
test_hostile_answers (void)
{
  const struct { const char *name, *xml, *part; } cases[] = {
    { "xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE answers [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                 "<answers><answer id=\"status\">&x;</answer></answers>\n", "xxe.xml:2: DOCTYPE/entities are not allowed" },
    { "laughs.xml", "<!DOCTYPE a [<!ENTITY l \"l\"><!ENTITY l2 \"&l;&l;&l;&l;&l;&l;\">]>\n<answers/>\n",
      "laughs.xml:1: DOCTYPE/entities are not allowed" },
    { "dup.xml", "<answers>\n<answer id=\"status\">citizen</answer>\n<answer id=\"status\">citizen</answer>\n</answers>\n",
      "dup.xml:3:" },
    { "root.xml", "<rules/>\n", "root.xml:1:" },
    { "utf8.xml", "<answers>\n\n<answer id=\"status\">\xfe</answer></answers>\n", "utf8.xml:3:" },
    { "date.xml", "<answers date=\"2023-02-29\"/>\n", "date.xml:1:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_tmp (cases[i].name, cases[i].xml);
      g_autofree char *opt = g_strconcat ("--answers=", path, NULL);
      g_auto(TrkCliRun) run = { 0 };

      run_cli (&run, "evaluate", opt);
      assert_error (&run, 2, cases[i].part);
      g_assert_null (strstr (run.err, "root:"));
    }
}

/* A FIFO or a device is not a file to read: refused at once (a FIFO
 * with no writer used to make tirkeu-cli wait forever), exit 2 for answers
 * and 3 for rules. */
static void
test_odd_files (void)
{
  g_autofree char *fifo = g_build_filename (tmp_dir, "answers.fifo", NULL);
  const struct { const char *command, *option; int status; } cases[] = {
    { "evaluate", "--answers=", 2 },
    { "evaluate", "--rules=", 3 },
    { "check-rules", "", 3 },
  };
  const char *paths[] = { fifo, "/dev/zero", "/dev/null", "/" };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  run_deadline_s = 30;
  for (guint p = 0; p < G_N_ELEMENTS (paths); p++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *opt = g_strconcat (cases[i].option, paths[p], NULL);
        g_autofree char *part = g_strconcat (paths[p], ": not a regular file", NULL);
        g_auto(TrkCliRun) run = { 0 };

        if (!g_file_test (paths[p], G_FILE_TEST_EXISTS))
          continue;
        if (cases[i].status == 2)
          run_cli (&run, cases[i].command, opt, "--date=2025-03-01", "status=citizen");
        else
          run_cli (&run, cases[i].command, opt);
        assert_error (&run, cases[i].status, part);
      }
  run_deadline_s = 0;
}

/* ===== 3: the rules file is invalid or unsafe ===== */

static char *
fixture_with (const char *old,
              const char *replacement)
{
  g_autofree char *path = fixture ("law.rules.xml");
  g_autofree char *xml = NULL;
  g_autofree char *head = NULL;
  const char *at;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  at = strstr (xml, old);
  g_assert_nonnull (at);
  head = g_strndup (xml, (gsize) (at - xml));
  return g_strconcat (head, replacement, at + strlen (old), NULL);
}

static void
test_bad_rules (void)
{
  g_autofree char *doctype = fixture_with ("<tirkeu-rules", "<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<tirkeu-rules");
  g_autofree char *unknown = fixture_with ("needs=\"presence\"", "needs=\"nowhere\"");
  g_autofree char *broken = fixture_with ("</targets>", "</target>");
  g_autofree char *overlap = fixture_with ("status=\"not_in_force\" until=\"2024-01-01\"",
                                           "status=\"not_in_force\" until=\"2024-01-02\"");
  const struct { const char *name, *xml, *part; gboolean check; } cases[] = {
    { "doctype.rules.xml", doctype, "doctype.rules.xml:5: DOCTYPE/entities are not allowed", FALSE },
    { "unknown.rules.xml", unknown, "“nowhere”", FALSE },
    { "broken.rules.xml", broken, "broken.rules.xml:", FALSE },
    { "overlap.rules.xml", overlap, "overlap", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_tmp (cases[i].name, cases[i].xml);
      g_autofree char *opt = g_strconcat ("--rules=", path, NULL);
      g_auto(TrkCliRun) eval = { 0 };
      g_auto(TrkCliRun) check = { 0 };

      run_cli (&eval, "evaluate", opt, "--date=2024-01-01", "status=citizen");
      assert_error (&eval, 3, cases[i].part);
      run_cli (&check, "check-rules", path);
      assert_error (&check, 3, cases[i].part);
    }
}

static void
test_missing_rules_file (void)
{
  g_auto(TrkCliRun) run = { 0 };

  run_cli (&run, "evaluate", "--rules=/nonexistent/rules.xml", "status=citizen");
  assert_error (&run, 3, "/nonexistent/rules.xml");
}

/* ===== 4: the output could not be written ===== */

static void
test_output_not_written (void)
{
  g_auto(TrkCliRun) run = { 0 };
  g_auto(TrkCliRun) version = { 0 };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  run_to (&run, "/dev/full", "evaluate", "--date=2025-03-01", "status=citizen", NULL);
  g_assert_cmpint (run.status, ==, 4);
  g_assert_nonnull (strstr (run.err, "cannot write the output"));
  run_to (&version, "/dev/full", "--version", NULL);
  g_assert_cmpint (version.status, ==, 4);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GDir) dir = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: %s PATH-TO-TIRKEU-CLI", argv[0]);
  cli_path = argv[1];
  tmp_dir = g_dir_make_tmp ("trk-cli-XXXXXX", NULL);

  g_test_add_func ("/trk/cli/0/version", test_version);
  g_test_add_func ("/trk/cli/0/help", test_help);
  g_test_add_func ("/trk/cli/0/evaluate-text", test_evaluate_text);
  g_test_add_func ("/trk/cli/0/evaluate-json", test_evaluate_json);
  g_test_add_func ("/trk/cli/0/overrides", test_overrides);
  g_test_add_func ("/trk/cli/0/languages", test_languages);
  g_test_add_func ("/trk/cli/0/check-rules", test_check_rules);
  g_test_add_func ("/trk/cli/2/bad-input", test_bad_input);
  g_test_add_func ("/trk/cli/2/no-arguments", test_no_arguments);
  g_test_add_func ("/trk/cli/2/hostile-answers", test_hostile_answers);
  g_test_add_func ("/trk/cli/2/odd-files", test_odd_files);
  g_test_add_func ("/trk/cli/3/bad-rules", test_bad_rules);
  g_test_add_func ("/trk/cli/3/missing-rules-file", test_missing_rules_file);
  g_test_add_func ("/trk/cli/4/output-not-written", test_output_not_written);

  ret = g_test_run ();
  dir = g_dir_open (tmp_dir, 0, NULL);
  for (const char *name; dir != NULL && (name = g_dir_read_name (dir)) != NULL; )
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
