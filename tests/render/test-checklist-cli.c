/* test-checklist-cli.c - tirkeu-cli checklist: exit codes and what is left on disk
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "trk-cli-runner.h"
#include "trk-test-folder.h"

/* poppler-glib 22.12 has no autoptr cleanups: own names cannot clash
 * with the ones a newer poppler declares. */
typedef PopplerDocument TestPdf;
typedef PopplerPage TestPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)

static char *tmp_dir;
static const char *cli;

#define LOOP_ANSWERS "status=foreigner", "age=34", "purpose=visa", "visa_channel=e_visa", "location=abroad", \
                     "visa_required=yes", "has_iin=no", "fingerprinted=no", \
                     "passport_language=other"

/* Runs tirkeu-cli checklist with @args (NULL-terminated) in @envp (NULL:
 * this process's environment); returns the exit code. */
static int
run_cli_env (const char *const *args,
             char              **envp,
             char              **err)
{
  g_auto(TrkCliRun) run = { 0 };

  trk_cli_run_command (&run, cli, "checklist", args, envp);
  if (err != NULL)
    *err = g_steal_pointer (&run.err);
  return run.status;
}

static int
run_cli (const char *const *args,
         char              **err)
{
  return run_cli_env (args, NULL, err);
}

static void
test_ok (void)
{
  g_autofree char *out = g_build_filename (tmp_dir, "ok.pdf", NULL);
  g_autofree char *output = g_strconcat ("--output=", out, NULL);
  const char *args[] = { "--lang=kk,ru", "--paper=letter", "--date=2026-11-28", output,
                         LOOP_ANSWERS, NULL };
  g_autofree char *err = NULL;
  g_autofree char *uri = g_filename_to_uri (out, NULL, NULL);
  g_autoptr(TestPdf) pdf = NULL;
  g_autoptr(TestPage) page = NULL;
  g_autoptr(GError) error = NULL;
  double width, height;

  g_assert_cmpint (run_cli (args, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 1);
  page = poppler_document_get_page (pdf, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat (width, ==, 612.0);
  g_assert_cmpuint (trk_test_count_entries (tmp_dir), ==, 1);
  g_unlink (out);
}

/* Bad input: exit 2, a message naming the field, and no file at all. */
static void
test_bad_input (void)
{
  g_autofree char *out = g_build_filename (tmp_dir, "bad.pdf", NULL);
  g_autofree char *output = g_strconcat ("--output=", out, NULL);
  const struct
  {
    const char *args[14];
    const char *names;
  } table[] = {
    { { "--lang=xx", output, LOOP_ANSWERS, NULL }, "--lang" },
    { { "--lang=ru,ru", output, LOOP_ANSWERS, NULL }, "--lang" },
    { { "--lang=ru,en,kk", output, LOOP_ANSWERS, NULL }, "--lang" },
    { { output, LOOP_ANSWERS, NULL }, "--lang" },
    { { "--lang=ru", LOOP_ANSWERS, NULL }, "--output" },
    { { "--lang=ru", "--paper=a3", output, LOOP_ANSWERS, NULL }, "--paper" },
    { { "--lang=ru", "--date=2026-02-30", output, LOOP_ANSWERS, NULL }, "--date" },
    { { "--lang=ru", output, "status=martian", NULL }, "status" },
    { { "--lang=ru", output, "status=foreigner", NULL }, "age" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (table[i].args, &err), ==, 2);
      g_assert_nonnull (strstr (err, table[i].names));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpuint (trk_test_count_entries (tmp_dir), ==, 0);
}

static void
test_bad_rules (void)
{
  g_autofree char *rules = g_build_filename (tmp_dir, "bad.rules.xml", NULL);
  g_autofree char *rules_arg = g_strconcat ("--rules=", rules, NULL);
  g_autofree char *out = g_build_filename (tmp_dir, "rules.pdf", NULL);
  g_autofree char *output = g_strconcat ("--output=", out, NULL);
  const char *args[] = { "--lang=en", rules_arg, output, LOOP_ANSWERS, NULL };
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (rules, "<tirkeu-rules>\n<oops>\n", -1, NULL));
  g_assert_cmpint (run_cli (args, &err), ==, 3);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_unlink (rules);
}

/* The output cannot be written: exit 4 and nothing left behind. */
static void
test_unwritable (void)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "no-such-folder", "out.pdf", NULL);
  g_autofree char *output1 = g_strconcat ("--output=", missing, NULL);
  g_autofree char *output2 = g_strconcat ("--output=", tmp_dir, NULL);
  const char *args1[] = { "--lang=ru,en", output1, LOOP_ANSWERS, NULL };
  const char *args2[] = { "--lang=ru", output2, LOOP_ANSWERS, NULL };
  g_autofree char *err1 = NULL;
  g_autofree char *err2 = NULL;

  g_assert_cmpint (run_cli (args1, &err1), ==, 4);
  g_assert_nonnull (strstr (err1, missing));
  g_assert_cmpint (run_cli (args2, &err2), ==, 4);
  g_assert_cmpuint (trk_test_count_entries (tmp_dir), ==, 0);
}

/* A machine without the font files: a clear message and exit 4, never a
 * PDF in a substituted font. The folder given holds only DejaVu. */
static void
test_missing_font (void)
{
  g_autofree char *out = g_build_filename (tmp_dir, "font.pdf", NULL);
  g_autofree char *output = g_strconcat ("--output=", out, NULL);
  const char *args[] = { "--lang=kk", output, LOOP_ANSWERS, NULL };
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "TIRKEU_FONT_DIR",
                                         "/usr/share/fonts/truetype/dejavu", TRUE);
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli_env (args, envp, &err), ==, 4);
  g_assert_nonnull (strstr (err, "Noto Sans"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static GBytes *
checklist_bytes (char **envp)
{
  g_autofree char *out = g_build_filename (tmp_dir, "fonts.pdf", NULL);
  g_autofree char *output = g_strconcat ("--output=", out, NULL);
  const char *args[] = { "--lang=kk,en", "--date=2026-11-28", output, LOOP_ANSWERS, NULL };
  g_autofree char *err = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_cmpint (run_cli_env (args, envp, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (out, &data, &len, NULL));
  g_unlink (out);
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

/* The checklist's fonts are its own: the PDF is byte-identical with an
 * empty system font configuration, and with a user rule that would set
 * every "Noto Sans" request in DejaVu Serif. */
static void
test_own_fonts (void)
{
  g_autofree char *empty = g_build_filename (tmp_dir, "empty-fonts.conf", NULL);
  g_autofree char *home = g_build_filename (tmp_dir, "home", NULL);
  g_autofree char *user_dir = g_build_filename (home, ".config", "fontconfig", NULL);
  g_autofree char *user_conf = g_build_filename (user_dir, "fonts.conf", NULL);
  g_autofree char *cache = g_build_filename (home, ".cache", NULL);
  g_autofree char *config_home = g_build_filename (home, ".config", NULL);
  const char *hostile =
    "<?xml version=\"1.0\"?>\n<fontconfig>\n"
    "  <match target=\"pattern\"><test name=\"family\"><string>Noto Sans</string></test>\n"
    "    <edit name=\"family\" mode=\"assign\" binding=\"strong\">"
    "<string>DejaVu Serif</string></edit></match>\n"
    "</fontconfig>\n";
  g_autoptr(GBytes) plain = checklist_bytes (NULL);
  g_autoptr(GBytes) with_empty = NULL;
  g_autoptr(GBytes) with_hostile = NULL;
  g_auto(GStrv) env_empty = g_environ_setenv (g_get_environ (), "FONTCONFIG_FILE", empty, TRUE);
  g_auto(GStrv) env_hostile = g_environ_unsetenv (g_get_environ (), "FONTCONFIG_FILE");
  g_autofree char *matched = NULL;
  g_autofree char *fc_match_path = g_find_program_in_path ("fc-match");
  const char *fc_match[] = { "fc-match", "-f", "%{family[0]}", "Noto Sans", NULL };

  g_assert_true (g_file_set_contents (empty, "<?xml version=\"1.0\"?>\n<fontconfig/>\n",
                                      -1, NULL));
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (user_conf, hostile, -1, NULL));
  env_hostile = g_environ_setenv (env_hostile, "HOME", home, TRUE);
  env_hostile = g_environ_setenv (env_hostile, "XDG_CONFIG_HOME", config_home, TRUE);
  env_hostile = g_environ_setenv (env_hostile, "XDG_CACHE_HOME", cache, TRUE);

  /* The rule is real: fontconfig itself now answers DejaVu Serif. */
  if (fc_match_path != NULL
      && g_spawn_sync (NULL, (char **) fc_match, env_hostile, G_SPAWN_SEARCH_PATH
                       | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &matched, NULL, NULL, NULL))
    g_assert_cmpstr (matched, ==, "DejaVu Serif");

  with_empty = checklist_bytes (env_empty);
  with_hostile = checklist_bytes (env_hostile);
  g_assert_true (g_bytes_equal (plain, with_empty));
  g_assert_true (g_bytes_equal (plain, with_hostile));

  g_unlink (empty);
  trk_test_remove_tree (home);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  cli = g_getenv ("TIRKEU_CLI");
  g_assert_nonnull (cli);
  tmp_dir = g_dir_make_tmp ("tirkeu-cli-checklist-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/render/cli/ok", test_ok);
  g_test_add_func ("/render/cli/bad-input", test_bad_input);
  g_test_add_func ("/render/cli/bad-rules", test_bad_rules);
  g_test_add_func ("/render/cli/unwritable", test_unwritable);
  g_test_add_func ("/render/cli/missing-font", test_missing_font);
  g_test_add_func ("/render/cli/own-fonts", test_own_fonts);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);

  return status;
}
