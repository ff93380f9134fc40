/* test-handbook-cli.c - tirkeu-cli handbook: every outcome check-rules meets
 * on a date is in the PDF, in kk, ru, en and pairs, with its contents, on
 * A4 and Letter; exit codes and what is left on disk
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "trk-answers.h"
#include "trk-handbook-render.h"
#include "trk-i18n.h"
#include "trk-cli-runner.h"
#include "trk-test-folder.h"

typedef PopplerDocument TestPdf;
typedef PopplerPage TestPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)

#define DATE "2026-12-06"

static char *tmp_dir;
static const char *cli;

static int
run_handbook (const char *const *args,
              char              **err)
{
  g_auto(TrkCliRun) run = { 0 };

  trk_cli_run_command (&run, cli, "handbook", args, NULL);
  if (err != NULL)
    *err = g_steal_pointer (&run.err);
  return run.status;
}

static TrkHandbook *
handbook_on_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrkRuleSet) rules = trk_rule_set_new_builtin (&error);
  TrkHandbook *handbook;
  GDate date;

  g_assert_no_error (error);
  g_date_clear (&date, 1);
  g_assert_true (trk_date_parse (DATE, &date));
  handbook = trk_handbook_new (rules, &date, &error);
  g_assert_no_error (error);
  return handbook;
}

/* The text of every page. */
static GPtrArray *
pdf_pages (const char *path,
           double     *width,
           double     *height)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TestPdf) pdf = poppler_document_new_from_file (uri, NULL, &error);
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (pdf, i);

      if (i == 0)
        poppler_page_get_size (page, width, height);
      g_ptr_array_add (pages, poppler_page_get_text (page));
    }
  return pages;
}

/* The page (0-based) whose text has @heading as a heading: not inside a
 * longer number, not followed by a space (a line of the contents). poppler
 * joins a bilingual line's two columns without a separator, so a heading
 * may run into its counterpart. */
static int
page_of_heading (GPtrArray  *pages,
                 const char *heading)
{
  gsize len = strlen (heading);

  for (guint p = 0; p < pages->len; p++)
    {
      const char *text = g_ptr_array_index (pages, p);

      for (const char *hit = strstr (text, heading); hit != NULL; hit = strstr (hit + 1, heading))
        {
          char next = hit[len];

          if (hit > text && g_ascii_isdigit (heading[0]) && g_ascii_isdigit (hit[-1]))
            continue;
          if (next == ' ' || g_ascii_isdigit (next))
            continue;
          return (int) p;
        }
    }
  return -1;
}

static void
check_handbook (const char *lang_arg,
                const char *paper_arg,
                double      expect_width)
{
  g_autofree char *out = g_build_filename (tmp_dir, "handbook.pdf", NULL);
  g_autofree char *output = g_strconcat ("--output=", out, NULL);
  g_autofree char *lang_opt = g_strconcat ("--lang=", lang_arg, NULL);
  g_autofree char *paper_opt = g_strconcat ("--paper=", paper_arg, NULL);
  const char *args[] = { "--date=" DATE, lang_opt, paper_opt, output, NULL };
  g_autoptr(TrkHandbook) handbook = handbook_on_date ();
  g_auto(GStrv) codes = g_strsplit (lang_arg, ",", -1);
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *err = NULL;
  double width = 0, height = 0;

  g_assert_cmpint (run_handbook (args, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  pages = pdf_pages (out, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, expect_width, 0.01);
  g_assert_cmpfloat_with_epsilon (height, expect_width == 612.0 ? 792.0 : 841.89, 0.01);
  g_test_message ("%s %s: %u pages", lang_arg, paper_arg, pages->len);

  for (guint l = 0; codes[l] != NULL; l++)
    {
      TrkLang lang;
      const char *contents;

      g_assert_true (trk_lang_from_string (codes[l], &lang));
      contents = trk_i18n_gettext (lang, "Contents");
      if (lang != TRK_LANG_EN)
        g_assert_cmpstr (contents, !=, "Contents");
      /* The contents come first. */
      if (page_of_heading (pages, contents) != 0)
        g_error ("%s: no heading “%s” on page 1:\n%s", lang_arg, contents,
                 (char *) g_ptr_array_index (pages, 0));

      /* Each outcome has its heading, and the contents name its page
       * (the first column's language numbers it). */
      for (guint i = 0; i < trk_handbook_get_n_outcomes (handbook); i++)
        {
          g_autofree char *heading = trk_handbook_outcome_heading (i, lang);
          int page = page_of_heading (pages, heading);

          if (page < 0)
            g_error ("%s: “%s” is not a heading of the PDF", lang_arg, heading);
          g_assert_cmpint (page, >, 0);
          if (lang == TRK_LANG_EN && l == 0)
            {
              g_autofree char *entry = g_strdup_printf ("Outcome %u ", i + 1);
              const char *hit = strstr (g_ptr_array_index (pages, 0), entry);
              const char *number;

              for (guint p = 1; hit == NULL && p < pages->len; p++)
                hit = strstr (g_ptr_array_index (pages, p), entry);
              g_assert_nonnull (hit);
              number = strstr (hit, "page ");
              g_assert_nonnull (number);
              g_assert_cmpint (atoi (number + 5), ==, page + 1);
            }
        }
    }
  g_unlink (out);
}

/* Every outcome check-rules meets on the date is an outcome of the
 * handbook (the sets from the core), and each is printed (above). */
static void
test_covers_check_rules (void)
{
  g_autoptr(TrkHandbook) handbook = handbook_on_date ();
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) checked = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (trk_date_parse (DATE, &date));
  checked = trk_handbook_checked_outcome_keys (trk_handbook_get_rule_set (handbook), &date,
                                               &error);
  g_assert_no_error (error);
  for (guint i = 0; i < trk_handbook_get_n_outcomes (handbook); i++)
    g_hash_table_add (keys, (gpointer) trk_handbook_get_outcome_key (handbook, i));
  for (guint i = 0; i < checked->len; i++)
    g_assert_true (g_hash_table_contains (keys, g_ptr_array_index (checked, i)));
  g_assert_cmpuint (checked->len, ==, trk_handbook_get_n_outcomes (handbook));
}

static void
test_en_a4 (void)
{
  check_handbook ("en", "a4", 595.276);
}

static void
test_kk_letter (void)
{
  check_handbook ("kk", "letter", 612.0);
}

static void
test_ru_a4 (void)
{
  check_handbook ("ru", "a4", 595.276);
}

static void
test_kk_ru_a4 (void)
{
  check_handbook ("kk,ru", "a4", 595.276);
}

static void
test_kk_en_letter (void)
{
  check_handbook ("kk,en", "letter", 612.0);
}

/* Exit codes: 2 bad input, 3 bad rules, 4 not written; never a file. */
static void
test_exit_codes (void)
{
  g_autofree char *out = g_build_filename (tmp_dir, "bad.pdf", NULL);
  g_autofree char *output = g_strconcat ("--output=", out, NULL);
  g_autofree char *rules = g_build_filename (tmp_dir, "bad.rules.xml", NULL);
  g_autofree char *rules_arg = g_strconcat ("--rules=", rules, NULL);
  g_autofree char *missing = g_build_filename (tmp_dir, "no-such-folder", "h.pdf", NULL);
  g_autofree char *missing_arg = g_strconcat ("--output=", missing, NULL);
  const struct
  {
    const char *args[6];
    int         code;
    const char *names;
  } table[] = {
    { { "--lang=xx", output, NULL }, 2, "--lang" },
    { { output, NULL }, 2, "--lang" },
    { { "--lang=ru", NULL }, 2, "--output" },
    { { "--lang=ru", "--paper=a3", output, NULL }, 2, "--paper" },
    { { "--lang=ru", "--date=2026-02-30", output, NULL }, 2, "--date" },
    { { "--lang=ru", output, "status=foreigner", NULL }, 2, "status=foreigner" },
    { { "--lang=en", rules_arg, output, NULL }, 3, "bad.rules.xml" },
    { { "--lang=en", "--date=" DATE, missing_arg, NULL }, 4, "no-such-folder" },
    { { "--lang=en", "--date=" DATE, "--output=/", NULL }, 4, "/" },
  };

  g_assert_true (g_file_set_contents (rules, "<tirkeu-rules>\n<oops>\n", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run_handbook (table[i].args, &err), ==, table[i].code);
      g_assert_nonnull (strstr (err, table[i].names));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
  g_unlink (rules);
  g_assert_cmpuint (trk_test_count_entries (tmp_dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  trk_i18n_init ();
  cli = g_getenv ("TIRKEU_CLI");
  g_assert_nonnull (cli);
  tmp_dir = g_dir_make_tmp ("tirkeu-cli-handbook-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/render/handbook/covers-check-rules", test_covers_check_rules);
  g_test_add_func ("/render/handbook/en-a4", test_en_a4);
  g_test_add_func ("/render/handbook/kk-letter", test_kk_letter);
  g_test_add_func ("/render/handbook/ru-a4", test_ru_a4);
  g_test_add_func ("/render/handbook/kk-ru-a4", test_kk_ru_a4);
  g_test_add_func ("/render/handbook/kk-en-letter", test_kk_en_letter);
  g_test_add_func ("/render/handbook/exit-codes", test_exit_codes);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
