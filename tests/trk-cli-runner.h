/* trk-cli-runner.h - tirkeu-cli run as a test runs it
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;  /* the exit code */
  char *out;     /* standard output ("" when sent to a file) */
  char *err;     /* standard error */
} TrkCliRun;

void trk_cli_run_clear (TrkCliRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TrkCliRun, trk_cli_run_clear)

/* Runs @cli with @args (NULL-terminated) in @envp (NULL: this process's
 * environment); @stdout_path (nullable) receives standard output instead
 * of a pipe; @deadline_s (0: none) kills it and fails the test when it
 * has not ended by then. The run is logged with g_test_message(). */
void trk_cli_run (TrkCliRun          *run,
                  const char         *cli,
                  const char *const  *args,
                  char              **envp,
                  const char         *stdout_path,
                  guint               deadline_s);

/* The same for "tirkeu-cli @command ARGS…" (envp and deadline as above,
 * standard output in a pipe). */
void trk_cli_run_command (TrkCliRun          *run,
                          const char         *cli,
                          const char         *command,
                          const char *const  *args,
                          char              **envp);

G_END_DECLS
