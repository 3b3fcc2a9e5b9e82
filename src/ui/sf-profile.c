/* sf-profile.c — SALESFLOW_PROFILE=1: when the window first drew, when the
 * pipeline was in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With SALESFLOW_PROFILE=1 in the environment the app writes to stderr,
 * in milliseconds since main() began:
 *
 *   salesflow-profile: first-frame 182.4 ms     the window's first paint
 *   salesflow-profile: deals-frame 420.0 ms     the first paint with a deal
 *                                               card or row on it
 *   salesflow-profile: loaded 655.0 ms          the deals are in the models
 *   salesflow-profile: deals 100000             how many
 *   salesflow-profile: loaded-frame 701.3 ms    the first paint after that
 *   salesflow-profile: peak-rss 123.4 MiB       VmHWM at that paint
 *
 * so a launch on an empty database and on a large one can be compared
 * (tests/bench/launch-profile.py does, under Xvfb; docs/performance.md).
 * Without the variable nothing is measured or written.
 */
#include "config.h"

#include <stdio.h>

#include "sf-profile.h"

static gint64 started;          /* 0: profiling is off */
static gboolean deal_drawn;     /* a card or row has been drawn */

typedef struct
{
  gboolean painted;
  gboolean deals_painted;
  gboolean loaded;
  gboolean done;
} Watch;

/**
 * sf_profile_start:
 *
 * Call first thing in main(): the times count from here.
 */
void
sf_profile_start (void)
{
  if (g_strcmp0 (g_getenv ("SALESFLOW_PROFILE"), "1") == 0)
    started = g_get_monotonic_time ();
}

gboolean
sf_profile_is_enabled (void)
{
  return started != 0;
}

/**
 * sf_profile_mark:
 *
 * Writes how long after the start @what happened, when profiling.
 */
void
sf_profile_mark (const char *what)
{
  if (started == 0)
    return;

  fprintf (stderr, "salesflow-profile: %s %.1f ms\n", what,
           (g_get_monotonic_time () - started) / 1000.0);
  fflush (stderr);
}

/**
 * sf_profile_deal_drawn:
 *
 * Called by a deal's card or row as it draws: the window's next finished
 * paint is the first to show deals, if none did before.
 */
void
sf_profile_deal_drawn (void)
{
  deal_drawn = TRUE;
}

static double
peak_rss_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;

  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  Watch *watch = g_object_get_data (G_OBJECT (window), "sf-profile");

  if (!watch->painted)
    {
      watch->painted = TRUE;
      sf_profile_mark ("first-frame");
    }
  if (deal_drawn && !watch->deals_painted)
    {
      watch->deals_painted = TRUE;
      sf_profile_mark ("deals-frame");
    }
  if (watch->loaded && !watch->done)
    {
      watch->done = TRUE;
      sf_profile_mark ("loaded-frame");
      fprintf (stderr, "salesflow-profile: peak-rss %.1f MiB\n", peak_rss_mib ());
      fflush (stderr);
    }
  if (watch->done && watch->deals_painted)
    g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint_cb), window, 0);
}

static void
loaded_cb (SfPipeline *pipeline,
           GParamSpec *pspec,
           GtkWindow  *window)
{
  Watch *watch = g_object_get_data (G_OBJECT (window), "sf-profile");

  if (watch->loaded || !sf_pipeline_get_loaded (pipeline))
    return;

  watch->loaded = TRUE;
  sf_profile_mark ("loaded");
  fprintf (stderr, "salesflow-profile: deals %u\n",
           g_list_model_get_n_items (sf_pipeline_get_deals (pipeline)));
}

/**
 * sf_profile_watch_window:
 * @pipeline: (nullable): what the window loads
 *
 * When profiling, reports @window's first paint, when @pipeline has
 * loaded, and the first paint after that.
 */
void
sf_profile_watch_window (GtkWindow  *window,
                         SfPipeline *pipeline)
{
  Watch *watch;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (started == 0)
    return;

  watch = g_new0 (Watch, 1);
  g_object_set_data_full (G_OBJECT (window), "sf-profile", watch, g_free);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  if (pipeline != NULL)
    g_signal_connect_object (pipeline, "notify::loaded", G_CALLBACK (loaded_cb), window, 0);
}
