/* trk-color-scheme.c - follow the desktop's light or dark preference
 *
 * Copyright 2026 The Tirkeu developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "trk-color-scheme.h"

#define PORTAL_NAMESPACE "org.freedesktop.appearance"
#define PORTAL_KEY "color-scheme"

/* 0 no preference, 1 prefer dark, 2 prefer light */
static void
apply_scheme (GVariant *value)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autoptr(GVariant) inner = g_variant_ref (value);

  /* Read() wraps the value in one more variant than SettingChanged. */
  while (g_variant_is_of_type (inner, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *child = g_variant_get_variant (inner);

      g_variant_unref (inner);
      inner = child;
    }

  if (settings != NULL && g_variant_is_of_type (inner, G_VARIANT_TYPE_UINT32))
    g_object_set (settings, "gtk-application-prefer-dark-theme",
                  g_variant_get_uint32 (inner) == 1, NULL);
}

static void
setting_changed_cb (GDBusProxy *proxy,
                    const char *sender_name,
                    const char *signal_name,
                    GVariant   *parameters,
                    gpointer    user_data)
{
  const char *name_space;
  const char *key;
  g_autoptr(GVariant) value = NULL;

  if (g_strcmp0 (signal_name, "SettingChanged") != 0 ||
      !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;

  g_variant_get (parameters, "(&s&sv)", &name_space, &key, &value);
  if (g_str_equal (name_space, PORTAL_NAMESPACE) && g_str_equal (key, PORTAL_KEY))
    apply_scheme (value);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  reply = g_dbus_proxy_call_finish (G_DBUS_PROXY (source), result, &error);
  if (reply == NULL)
    {
      g_debug ("No colour scheme from the settings portal: %s", error->message);
      return;
    }

  g_variant_get (reply, "(v)", &value);
  apply_scheme (value);
}

static void
proxy_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GDBusProxy *proxy = g_dbus_proxy_new_for_bus_finish (result, &error);

  if (proxy == NULL)
    {
      g_debug ("No settings portal: %s", error->message);
      return;
    }

  /* The proxy lives as long as the process, to hear later changes. */
  g_signal_connect (proxy, "g-signal", G_CALLBACK (setting_changed_cb), NULL);
  g_dbus_proxy_call (proxy, "Read", g_variant_new ("(ss)", PORTAL_NAMESPACE, PORTAL_KEY),
                     G_DBUS_CALL_FLAGS_NONE, 2000, NULL, read_done_cb, NULL);
}

void
trk_color_scheme_follow_system (void)
{
  g_dbus_proxy_new_for_bus (G_BUS_TYPE_SESSION,
                            G_DBUS_PROXY_FLAGS_DO_NOT_LOAD_PROPERTIES,
                            NULL,
                            "org.freedesktop.portal.Desktop",
                            "/org/freedesktop/portal/desktop",
                            "org.freedesktop.portal.Settings",
                            NULL, proxy_ready_cb, NULL);
}
