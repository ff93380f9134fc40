/* trk-xml.c - hardened libxml2 parsing shared by the rules and answers loaders
 *
 * Rules and answers files travel by e-mail between consulates: they are
 * untrusted. No network, no DTD, no entity expansion (a DOCTYPE stops the
 * parser before its internal subset is read), a size and a depth limit,
 * strict UTF-8, and libxml2's errors caught instead of printed.
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "trk-xml-private.h"

typedef struct
{
  const char          *name;
  const TrkXmlLimits  *limits;
  guint                depth;
  GError              *error;  /* the first problem wins */
  startElementNsSAX2Func start_element;
  endElementNsSAX2Func   end_element;
} ParseState;

static void
parse_state_fail (ParseState *st,
                  int         code,
                  guint       line,
                  const char *message)
{
  if (st->error != NULL)
    return;
  st->error = g_error_new (st->limits->domain, code, "%s:%u: %s", st->name, line, message);
}

static void
refuse_dtd (xmlParserCtxt *ctxt)
{
  ParseState *st = ctxt->_private;

  parse_state_fail (st, st->limits->code_unsafe, (guint) xmlSAX2GetLineNumber (ctxt),
                    _("DOCTYPE/entities are not allowed"));
  xmlStopParser (ctxt);
}

static void
internal_subset_cb (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  refuse_dtd (ctx);
}

static void
entity_decl_cb (void          *ctx,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  refuse_dtd (ctx);
}

static xmlEntity *
get_entity_cb (void          *ctx,
               const xmlChar *name)
{
  /* Only the five predefined entities exist; they never reach this hook
   * unless a DTD was seen, which is refused anyway. */
  return xmlGetPredefinedEntity (name);
}

static void
start_element_cb (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxt *ctxt = ctx;
  ParseState *st = ctxt->_private;

  if (++st->depth > st->limits->max_depth)
    {
      g_autofree char *msg = g_strdup_printf (_("element <%s> is nested deeper than %u levels"),
                                              (const char *) localname, st->limits->max_depth);
      parse_state_fail (st, st->limits->code_unsafe, (guint) xmlSAX2GetLineNumber (ctxt), msg);
      xmlStopParser (ctxt);
      return;
    }

  st->start_element (ctx, localname, prefix, uri, nb_namespaces, namespaces,
                     nb_attributes, nb_defaulted, attributes);
}

static void
end_element_cb (void          *ctx,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxt *ctxt = ctx;
  ParseState *st = ctxt->_private;

  st->depth--;
  st->end_element (ctx, localname, prefix, uri);
}

static void
structured_error_cb (void       *ctx,
                     xmlError   *err)
{
  xmlParserCtxt *ctxt = ctx;
  ParseState *st = ctxt->_private;
  const char *text;
  g_autofree char *line = NULL;
  g_autofree char *msg = NULL;

  if (err == NULL || err->level < XML_ERR_ERROR || err->code == XML_ERR_USER_STOP)
    return;

  /* Some messages quote the document after a newline, cut at a byte
   * count, even inside a character (found by fuzzing): keep the first
   * line, as valid UTF-8. */
  text = err->message != NULL ? err->message : "?";
  line = g_strndup (text, strcspn (text, "\n"));
  msg = g_strstrip (g_utf8_make_valid (line, -1));
  parse_state_fail (st, st->limits->code_malformed, err->line > 0 ? (guint) err->line : 1, msg);
}

static gboolean
check_utf8 (GBytes              *bytes,
            const char          *name,
            const TrkXmlLimits  *limits,
            GError             **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *end = NULL;
  guint line = 1;

  if (g_utf8_validate_len (data, len, &end))
    return TRUE;

  for (const char *p = data; p < end; p++)
    line += (*p == '\n');
  g_set_error (error, limits->domain, limits->code_malformed,
               _("%s:%u: invalid UTF-8 (the file must be UTF-8 without NUL bytes)"), name, line);
  return FALSE;
}

static gboolean
check_size (gsize                size,
            const char          *name,
            const TrkXmlLimits  *limits,
            GError             **error)
{
  g_autofree char *max = NULL;

  if (size <= limits->max_size)
    return TRUE;

  max = g_format_size_full (limits->max_size, G_FORMAT_SIZE_IEC_UNITS);
  g_set_error (error, limits->domain, limits->code_unsafe,
               _("%s:1: the file is too large (more than %s)"), name, max);
  return FALSE;
}

/* Opens @path for reading without waiting: O_NONBLOCK so that opening a
 * FIFO with no writer returns at once. Anything but a regular file (a FIFO,
 * a device, a folder) is refused as unsafe before a byte is read, since
 * reading one could wait forever or never end. Returns the stream, or NULL. */
static FILE *
open_regular (const char          *path,
              const TrkXmlLimits  *limits,
              GError             **error)
{
  struct stat st;
  int saved_errno;
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  FILE *f;

  if (fd < 0 || fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("%s: cannot open: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      /* Translators: %s is a file name. */
      g_set_error (error, limits->domain, limits->code_unsafe,
                   _("%s: not a regular file (a FIFO, a device or a folder is refused)"), path);
      return NULL;
    }
  /* A regular file: blocking reads again (O_NONBLOCK does not apply to it,
   * but keep the stream plain). */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  f = fdopen (fd, "rb");
  if (f == NULL)
    {
      saved_errno = errno;
      close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("%s: cannot open: %s"), path, g_strerror (saved_errno));
    }
  return f;
}

GBytes *
_trk_xml_read_file (const char          *path,
                    const TrkXmlLimits  *limits,
                    GError             **error)
{
  g_autofree char *buf = NULL;
  gsize len;
  FILE *f = open_regular (path, limits, error);
  int saved_errno;

  if (f == NULL)
    return NULL;

  buf = g_malloc (limits->max_size + 1);
  len = fread (buf, 1, limits->max_size + 1, f);
  saved_errno = errno;
  if (ferror (f))
    {
      fclose (f);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("%s: cannot read: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  fclose (f);

  if (!check_size (len, path, limits, error))
    return NULL;

  return g_bytes_new_take (g_realloc (g_steal_pointer (&buf), MAX (len, 1)), len);
}

static void
hook_sax (xmlParserCtxt *ctxt,
          ParseState    *st)
{
  xmlSAXHandler *sax = ctxt->sax;

  st->start_element = sax->startElementNs;
  st->end_element = sax->endElementNs;
  sax->startElementNs = start_element_cb;
  sax->endElementNs = end_element_cb;
  sax->internalSubset = internal_subset_cb;
  sax->externalSubset = internal_subset_cb;
  sax->entityDecl = entity_decl_cb;
  sax->getEntity = get_entity_cb;
  sax->serror = structured_error_cb;
  ctxt->_private = st;
}

xmlDoc *
_trk_xml_parse (GBytes              *bytes,
                const char          *name,
                const TrkXmlLimits  *limits,
                GError             **error)
{
  ParseState st = { name, limits, 0, NULL, NULL, NULL };
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlStructuredErrorFunc saved_handler = xmlStructuredError;
  void *saved_context = xmlStructuredErrorContext;
  gsize len = g_bytes_get_size (bytes);
  const int options = XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES
                      | XML_PARSE_IGNORE_ENC | XML_PARSE_NOCDATA;

  if (!check_size (len, name, limits, error) || !check_utf8 (bytes, name, limits, error))
    return NULL;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("libxml2: out of memory");
  hook_sax (ctxt, &st);

  /* Errors outside the parser context (encoding, I/O) go to this thread's
   * structured handler, not to stderr. */
  xmlSetStructuredErrorFunc (ctxt, structured_error_cb);
  doc = xmlCtxtReadMemory (ctxt, g_bytes_get_data (bytes, NULL), (int) len, name, "UTF-8", options);
  xmlSetStructuredErrorFunc (saved_context, saved_handler);

  if (st.error == NULL && (doc == NULL || !ctxt->wellFormed))
    parse_state_fail (&st, limits->code_malformed, 1, _("not well-formed XML"));
  if (st.error != NULL)
    {
      g_propagate_error (error, st.error);
      return NULL;
    }

  return g_steal_pointer (&doc);
}

guint
_trk_xml_line (xmlNode *node)
{
  long line = xmlGetLineNo (node);

  return line > 0 ? (guint) line : 1;
}

guint
_trk_xml_text_line (xmlNode *node)
{
  guint line = _trk_xml_line (node);
  const xmlChar *p = node->content;

  while (p != NULL && *p != '\0' && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  for (; p != NULL && *p != '\0'; p++)
    line -= (*p == '\n' && line > 1);
  return line;
}

gboolean
_trk_xml_is_blank (const xmlChar *text)
{
  for (const xmlChar *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
        return FALSE;
    }
  return TRUE;
}
