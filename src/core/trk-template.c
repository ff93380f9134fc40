/* trk-template.c - fill a translated printf-style template with strings
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "trk-template.h"

/* Parses one placeholder at @p (just after '%'); returns its length, or 0
 * when it is not one. @index is set for positional ones, else -1. */
static gsize
parse_placeholder (const char *p,
                   int        *index)
{
  gsize n = 0;
  int value = 0;

  *index = -1;
  if (p[0] == 's' || p[0] == 'u')
    return 1;

  while (g_ascii_isdigit (p[n]) && n < 3)
    value = value * 10 + (p[n++] - '0');

  if (n > 0 && p[n] == '$' && (p[n + 1] == 's' || p[n + 1] == 'u'))
    {
      *index = value - 1;
      return n + 2;
    }

  return 0;
}

char *
trk_template_fill (const char        *template,
               const char *const *args,
               guint              n_args)
{
  GString *out;
  guint next = 0;

  g_return_val_if_fail (template != NULL, NULL);

  out = g_string_sized_new (strlen (template) + 32);
  for (const char *p = template; *p != '\0'; p++)
    {
      gsize len;
      int index;

      if (*p != '%')
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (p[1] == '%')
        {
          g_string_append_c (out, '%');
          p++;
          continue;
        }

      len = parse_placeholder (p + 1, &index);
      if (index < 0 && len > 0)
        index = (int) next++;
      if (len == 0 || index < 0 || (guint) index >= n_args || args[index] == NULL)
        {
          g_string_append_len (out, p, (gssize) len + 1);
          p += len;
          continue;
        }

      g_string_append (out, args[index]);
      p += len;
    }

  return g_string_free (out, FALSE);
}
