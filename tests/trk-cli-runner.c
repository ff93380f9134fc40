/* trk-cli-runner.c - tirkeu-cli run as a test runs it: arguments, environment,
 * standard output and error, exit status, and a deadline
 *
 * The one CLI runner of the tests (tests/cli, tests/render).
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-cli-runner.h"

void
trk_cli_run_clear (TrkCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
communicated_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  TrkCliRun *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), res, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = 0;
}

static gboolean
deadline_cb (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Like g_subprocess_communicate_utf8, but kills the process and fails the
 * test when it has not ended within @seconds. */
static void
communicate_within (GSubprocess *proc,
                    guint        seconds,
                    TrkCliRun   *run)
{
  gboolean expired = FALSE;
  guint deadline = g_timeout_add_seconds (seconds, deadline_cb, &expired);

  run->status = -1;
  g_subprocess_communicate_utf8_async (proc, NULL, NULL, communicated_cb, run);
  while (run->status == -1 && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (expired)
    {
      g_subprocess_force_exit (proc);
      while (run->status == -1)
        g_main_context_iteration (NULL, TRUE);
      g_error ("tirkeu-cli still ran after %u s: killed", seconds);
    }
  g_source_remove (deadline);
  g_subprocess_wait (proc, NULL, NULL);
}

void
trk_cli_run (TrkCliRun          *run,
             const char         *cli,
             const char *const  *args,
             char              **envp,
             const char         *stdout_path,
             guint               deadline_s)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  run->out = run->err = NULL;
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE
                                        | (stdout_path == NULL ? G_SUBPROCESS_FLAGS_STDOUT_PIPE : 0));
  if (envp != NULL)
    g_subprocess_launcher_set_environ (launcher, envp);
  if (stdout_path != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, stdout_path);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  if (deadline_s > 0)
    communicate_within (proc, deadline_s, run);
  else
    g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  run->status = g_subprocess_get_exit_status (proc);
  if (run->out == NULL)
    run->out = g_strdup ("");
  if (run->err == NULL)
    run->err = g_strdup ("");
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

void
trk_cli_run_command (TrkCliRun          *run,
                     const char         *cli,
                     const char         *command,
                     const char *const  *args,
                     char              **envp)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  g_ptr_array_add (all, (gpointer) command);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (all, (gpointer) args[i]);
  g_ptr_array_add (all, NULL);
  trk_cli_run (run, cli, (const char *const *) all->pdata, envp, NULL, 0);
}
