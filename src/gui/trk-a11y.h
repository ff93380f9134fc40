/* trk-a11y.h - what a screen reader hears: tidying GTK 4.8's accessible names
 *
 * Found by tests/gui/test-a11y.py, the AT-SPI walk of the wizard. GTK 4.8
 * gives a button with a mnemonic the name "_Start Start" (its raw label and
 * its child label's text), an icon button the name of its image ("GtkImage"),
 * and a nameless decoration such as a check button's indicator its class
 * name ("GtkBuiltinIcon").
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Over @root and everything under it: a button with a mnemonic is named by
 * its label's text only; a nameless, childless, unfocusable part (an
 * indicator, an arrow) is hidden from assistive technologies. Call it once
 * a page is built. */
void  trk_a11y_tidy             (GtkWidget  *root);

/* An icon-only button: @name is the only thing read (not the image). */
void  trk_a11y_name_icon_button (GtkWidget  *button,
                                 const char *name);

/* The popover of @button's menu and its parts are read as @name. Call it
 * after the menu model is set. */
void  trk_a11y_name_menu        (GtkMenuButton *button,
                                 const char    *name);

G_END_DECLS
