/* trk-xml-private.h - hardened libxml2 parsing shared by the rules and answers loaders
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNG, xmlRelaxNGFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGParserCtxt, xmlRelaxNGFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGValidCtxt, xmlRelaxNGFreeValidCtxt)

/* xmlChar strings are freed with xmlFree, not g_free. */
typedef xmlChar TrkXmlString;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrkXmlString, xmlFree)

/* What an untrusted document may be, and which error codes say it is not. */
typedef struct
{
  gsize   max_size;        /* bytes */
  guint   max_depth;       /* element nesting */
  GQuark  domain;
  int     code_unsafe;     /* DOCTYPE, entities, too large, too deep */
  int     code_malformed;  /* not well-formed, bad UTF-8 */
} TrkXmlLimits;

/* Reads at most limits->max_size bytes; a larger file is code_unsafe, and so
 * is anything but a regular file (FIFO, device, folder), refused unread. */
GBytes  *_trk_xml_read_file (const char          *path,
                             const TrkXmlLimits  *limits,
                             GError             **error);

/* Parses without network, DTD or entity expansion; any DOCTYPE is
 * refused. Errors read "NAME:LINE: message". */
xmlDoc  *_trk_xml_parse     (GBytes              *bytes,
                             const char          *name,
                             const TrkXmlLimits  *limits,
                             GError             **error);

/* Line of a node (big line numbers included). */
guint    _trk_xml_line      (xmlNode             *node);

/* Line of the first non-blank character of a text node (libxml2 keeps
 * the line where the text ends). */
guint    _trk_xml_text_line (xmlNode            *node);

/* TRUE when the text node holds only XML whitespace. */
gboolean _trk_xml_is_blank  (const xmlChar       *text);

G_END_DECLS
