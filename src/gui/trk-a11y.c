/* trk-a11y.c - what a screen reader hears: tidying GTK 4.8's accessible names
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "trk-a11y.h"

/* GTK 4.8 sets the raw label ("_Start") as the button's label property and
 * the child label ("Start") as labelled-by; a screen reader reads both. */
static void
tidy_mnemonic_button (GtkButton *button)
{
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* A part without a role, a name or children (GtkBuiltinIcon: the check mark,
 * the menu button's arrow) is read by its class name in GTK 4.8. */
static gboolean
is_decoration (GtkWidget *widget)
{
  return gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_WIDGET
         && gtk_widget_get_first_child (widget) == NULL
         && !gtk_widget_get_focusable (widget)
         && gtk_widget_get_tooltip_text (widget) == NULL;
}

/* An image outside a button, with no tooltip and the default image role, is
 * decoration (the about dialog's logo): Tirkeu's own meaningful images say
 * so with a role, and the rest use the presentation role. */
static gboolean
is_plain_image (GtkWidget *widget)
{
  return GTK_IS_IMAGE (widget)
         && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_IMG
         && gtk_widget_get_tooltip_text (widget) == NULL
         && !GTK_IS_BUTTON (gtk_widget_get_parent (widget));
}

/* A text view is named by the stack page that shows it (the about
 * dialog's license and system pages), else read as "GtkTextView". */
static void
name_text_view (GtkWidget *view)
{
  for (GtkWidget *w = view; gtk_widget_get_parent (w) != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *parent = gtk_widget_get_parent (w);
      const char *title;

      if (!GTK_IS_STACK (parent))
        continue;
      title = gtk_stack_page_get_title (gtk_stack_get_page (GTK_STACK (parent), w));
      if (title != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      return;
    }
}

void
trk_a11y_tidy (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    tidy_mnemonic_button (GTK_BUTTON (root));
  else if (GTK_IS_TEXT_VIEW (root))
    name_text_view (root);
  else if (GTK_IS_STACK_SWITCHER (root) && GTK_IS_WINDOW (gtk_widget_get_root (root))
           && gtk_window_get_title (GTK_WINDOW (gtk_widget_get_root (root))) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_window_get_title (GTK_WINDOW (gtk_widget_get_root (root))),
                                    -1);
  else if (is_decoration (root) || is_plain_image (root))
    gtk_accessible_update_state (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    trk_a11y_tidy (child);
}

/* GTK's popover menu reads its own parts by class name: the menu
 * ("GtkPopoverMenu"), its content ("GtkPopoverContent") and the pages of
 * its submenus ("GtkStackPage"). Each is named after the menu, or the
 * submenu it shows. */
static void
name_menu_parts (GtkWidget  *widget,
                 const char *name)
{
  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (widget)));

      for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
        {
          GtkStackPage *page = g_list_model_get_item (pages, i);
          const char *id = gtk_stack_page_get_name (page);
          g_autofree char *title = g_strdup (i == 0 || id == NULL ? name : id);

          g_strdelimit (title, "_", ' ');
          gtk_stack_page_set_title (page, g_strstrip (title));
          g_object_unref (page);
        }
    }
  else if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_WIDGET
           && gtk_widget_get_first_child (widget) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_menu_parts (child, name);
}

void
trk_a11y_name_menu (GtkMenuButton *button,
                    const char    *name)
{
  GtkPopover *popover;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (name != NULL);

  popover = gtk_menu_button_get_popover (button);
  if (popover == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (popover),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (popover));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_menu_parts (child, name);
}

void
trk_a11y_name_icon_button (GtkWidget  *button,
                           const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (button));
  g_return_if_fail (name != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}
