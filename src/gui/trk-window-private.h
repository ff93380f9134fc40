/* trk-window-private.h - what trk-window.c shares with trk-window-actions.c
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "trk-window.h"

G_BEGIN_DECLS

struct _TrkWindow
{
  GtkApplicationWindow  parent_instance;

  TrkFlow              *flow;
  GSettings            *settings;
  GtkWidget            *page;
  guint                 page_serial;

  GtkButton            *back_button;
  GtkMenuButton        *menu_button;
  GtkRevealer          *notice_revealer;
  GtkLabel             *notice_label;
  GtkButton            *notice_close;
  GtkStack             *stack;
};

void    _trk_window_class_add_actions (GtkWidgetClass *widget_class);
void    _trk_window_update_actions    (TrkWindow      *self);
void    _trk_window_show_notice       (TrkWindow      *self,
                                       const char     *text);
TrkLang _trk_window_get_language      (TrkWindow      *self);

G_END_DECLS
