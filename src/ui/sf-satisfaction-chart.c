/* sf-satisfaction-chart.c — monthly NPS and average CSAT, drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two panels over the same twelve months: NPS on its own scale (−100 to
 * 100) above, average CSAT (1 to 5) below, so neither series is squeezed
 * onto the other's axis. A month without answers is a gap in the line,
 * never a zero. Everything is drawn with GtkSnapshot nodes — lines are
 * thin rotated rectangles, points rounded clips — in colours taken from
 * the current style (the text colour, @accent_color and @warning_color),
 * which libadwaita changes for dark mode and high contrast; css_changed
 * redraws when the style does.
 *
 * What the picture shows is also written out for screen readers as the
 * widget's accessible description (sf_satisfaction_chart_describe()).
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sf-satisfaction-chart.h"
#include "sf-satisfaction-util.h"

#define N_MONTHS 12
#define PADDING 8.f
#define PANEL_GAP 14.f
#define MARKER 4.f
#define LINE_WIDTH 2.f

struct _SfSatisfactionChart
{
  GtkWidget parent_instance;

  /* owned */
  GArray *months;        /* SfSatisfactionMonth, oldest first */
  char *description;
};

G_DEFINE_FINAL_TYPE (SfSatisfactionChart, sf_satisfaction_chart, GTK_TYPE_WIDGET)

typedef struct
{
  const char *title;
  double lowest;
  double highest;
  const int *ticks;
  guint n_ticks;
  double divisor;        /* CSAT is kept in hundredths */
  gboolean square;       /* the marker's shape, so the series differ without colour */
  GdkRGBA color;
} Series;

static const int nps_ticks[] = { -100, -50, 0, 50, 100 };
static const int csat_ticks[] = { 1, 2, 3, 4, 5 };

/* Pure helpers */

/**
 * sf_satisfaction_chart_scale:
 * @value: a value between @lowest and @highest
 * @top: the y of the panel's top edge
 * @height: the panel's height
 *
 * Returns: the y at which @value is drawn: @highest at @top, @lowest at
 *   @top + @height; values outside are clamped to the panel
 */
float
sf_satisfaction_chart_scale (double value,
                             double lowest,
                             double highest,
                             float  top,
                             float  height)
{
  double fraction;

  g_return_val_if_fail (highest > lowest, top);

  fraction = (CLAMP (value, lowest, highest) - lowest) / (highest - lowest);
  return top + (float) ((1.0 - fraction) * height);
}

static char *
format_month (int         year,
              int         month,
              const char *format)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (year, month, 1, 0, 0, 0);

  g_return_val_if_fail (date != NULL, g_strdup (""));
  return g_date_time_format (date, format);
}

/**
 * sf_satisfaction_chart_month_name:
 *
 * Returns: (transfer full): the month's abbreviated name in the user's
 *   locale: "Mar", "Mär", "mars"
 */
char *
sf_satisfaction_chart_month_name (int year,
                                  int month)
{
  return format_month (year, month, "%b");
}

static void
describe_month (GString                   *out,
                const SfSatisfactionMonth *m)
{
  g_autofree char *when = format_month (m->year, m->month, "%B %Y");

  if (m->n_answers == 0)
    {
      /* Translators: a month in the chart's description for screen
       * readers: “March 2026: no answers” */
      g_string_append_printf (out, _("%s: no answers"), when);
      return;
    }

  {
    g_autofree char *nps = sf_satisfaction_format_nps (m->nps);
    g_autofree char *csat = sf_satisfaction_format_average (m->csat);
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           /* Translators: how many answers a month had */
                                                           "%u answer", "%u answers", m->n_answers),
                                              m->n_answers);

    /* Translators: a month in the chart's description for screen readers:
     * the month and year, the NPS, the average CSAT and how many answers:
     * “March 2026: NPS 40, average CSAT 4.33, 5 answers” */
    g_string_append_printf (out, _("%s: NPS %s, average CSAT %s, %s"), when, nps, csat, count);
  }
}

/**
 * sf_satisfaction_chart_describe:
 * @months: (element-type SfSatisfactionMonth) (nullable): the months shown
 *
 * Returns: (transfer full): what the chart shows, month by month, for
 *   screen readers
 */
char *
sf_satisfaction_chart_describe (GArray *months)
{
  GString *out = g_string_new (_("Monthly NPS and average CSAT."));

  for (guint i = 0; months != NULL && i < months->len; i++)
    {
      g_string_append_c (out, ' ');
      describe_month (out, &g_array_index (months, SfSatisfactionMonth, i));
      g_string_append_c (out, '.');
    }

  return g_string_free (out, FALSE);
}

/* Drawing */

static PangoLayout *
small_layout (GtkWidget  *widget,
              const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static void
text_size (PangoLayout *layout,
           float       *width,
           float       *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  *width = w;
  *height = h;
}

/* Draws @text with its top-left at (x, y); @align 0 left, 0.5 centre, 1 right. */
static void
append_text (GtkSnapshot   *snapshot,
             GtkWidget     *widget,
             const char    *text,
             float          x,
             float          y,
             float          align,
             const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = small_layout (widget, text);
  float w, h;

  text_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (roundf (x - align * w), roundf (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_segment (GtkSnapshot            *snapshot,
                const graphene_point_t *a,
                const graphene_point_t *b,
                const GdkRGBA          *color)
{
  float dx = b->x - a->x, dy = b->y - a->y;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, a);
  gtk_snapshot_rotate (snapshot, atan2f (dy, dx) * 180.f / (float) G_PI);
  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (0, -LINE_WIDTH / 2, sqrtf (dx * dx + dy * dy),
                                                  LINE_WIDTH));
  gtk_snapshot_restore (snapshot);
}

static void
append_marker (GtkSnapshot            *snapshot,
               const graphene_point_t *p,
               gboolean                square,
               const GdkRGBA          *color)
{
  GskRoundedRect rect;

  gsk_rounded_rect_init_from_rect (&rect,
                                   &GRAPHENE_RECT_INIT (p->x - MARKER, p->y - MARKER,
                                                        2 * MARKER, 2 * MARKER),
                                   square ? 1.f : MARKER);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, &rect.bounds);
  gtk_snapshot_pop (snapshot);
}

static char *
tick_label (const Series *series,
            int           tick)
{
  return series->divisor > 1 ? g_strdup_printf ("%d", tick) : sf_satisfaction_format_nps (tick);
}

static int
month_value (const Series              *series,
             const SfSatisfactionMonth *m)
{
  return series->divisor > 1 ? m->csat : m->nps;
}

typedef struct
{
  float left;            /* the plot area, right of the axis labels */
  float right;
  float slot;            /* width of one month */
  float axis_width;
  float line_height;
  GdkRGBA text;
  GdkRGBA dim;
  GdkRGBA grid;
} Frame;

static float
month_x (const Frame *frame,
         guint        i)
{
  return frame->left + frame->slot * (i + 0.5f);
}

/* One panel: its title with the series' marker as legend, the grid with
 * its labels, and the line broken where a month has no answers. */
static void
append_panel (SfSatisfactionChart *self,
              GtkSnapshot         *snapshot,
              const Frame         *frame,
              const Series        *series,
              float                top,
              float                height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  /* Points at the ends of the scale must not be cut by the panel's edge. */
  float plot_top = top + frame->line_height + MARKER + 2, plot_height = height - frame->line_height - 2 * MARKER - 2;
  gboolean have_previous = FALSE;
  graphene_point_t previous = { 0, 0 };

  append_marker (snapshot, &GRAPHENE_POINT_INIT (frame->left + MARKER, top + frame->line_height / 2),
                 series->square, &series->color);
  append_text (snapshot, widget, series->title, frame->left + 3 * MARKER, top, 0, &frame->text);

  for (guint i = 0; i < series->n_ticks; i++)
    {
      g_autofree char *label = tick_label (series, series->ticks[i]);
      float y = sf_satisfaction_chart_scale (series->ticks[i], series->lowest, series->highest,
                                             plot_top, plot_height);
      gboolean zero = series->divisor == 1 && series->ticks[i] == 0;

      gtk_snapshot_append_color (snapshot, zero ? &frame->dim : &frame->grid,
                                 &GRAPHENE_RECT_INIT (frame->left, roundf (y), frame->right - frame->left, 1));
      append_text (snapshot, widget, label, frame->axis_width, y - frame->line_height / 2, 1, &frame->dim);
    }

  for (guint i = 0; self->months != NULL && i < self->months->len; i++)
    {
      const SfSatisfactionMonth *m = &g_array_index (self->months, SfSatisfactionMonth, i);
      int value = month_value (series, m);
      graphene_point_t point;

      if (value == SF_SATISFACTION_NO_VALUE)
        {
          have_previous = FALSE;
          continue;
        }

      point = GRAPHENE_POINT_INIT (month_x (frame, i),
                                   sf_satisfaction_chart_scale (value / series->divisor, series->lowest,
                                                                series->highest, plot_top, plot_height));
      if (have_previous)
        append_segment (snapshot, &previous, &point, &series->color);
      previous = point;
      have_previous = TRUE;
    }

  /* Markers over the lines, so a single month between gaps still shows. */
  for (guint i = 0; self->months != NULL && i < self->months->len; i++)
    {
      const SfSatisfactionMonth *m = &g_array_index (self->months, SfSatisfactionMonth, i);
      int value = month_value (series, m);

      if (value != SF_SATISFACTION_NO_VALUE)
        append_marker (snapshot,
                       &GRAPHENE_POINT_INIT (month_x (frame, i),
                                             sf_satisfaction_chart_scale (value / series->divisor,
                                                                          series->lowest, series->highest,
                                                                          plot_top, plot_height)),
                       series->square, &series->color);
    }
}

static void
append_month_labels (SfSatisfactionChart *self,
                     GtkSnapshot         *snapshot,
                     const Frame         *frame,
                     float                y)
{
  GtkWidget *widget = GTK_WIDGET (self);
  float widest = 0;
  guint step;

  if (self->months == NULL)
    return;

  for (guint i = 0; i < self->months->len; i++)
    {
      const SfSatisfactionMonth *m = &g_array_index (self->months, SfSatisfactionMonth, i);
      g_autofree char *name = sf_satisfaction_chart_month_name (m->year, m->month);
      g_autoptr(PangoLayout) layout = small_layout (widget, name);
      float w, h;

      text_size (layout, &w, &h);
      widest = MAX (widest, w);
    }

  /* Every month if they fit, else every second or third, counted back
   * from the newest so the current month is always named. */
  for (step = 1; step < 4 && step * frame->slot < widest + 6; step++)
    ;
  for (guint i = 0; i < self->months->len; i++)
    {
      const SfSatisfactionMonth *m = &g_array_index (self->months, SfSatisfactionMonth, i);
      g_autofree char *name = NULL;

      if ((self->months->len - 1 - i) % step != 0)
        continue;
      name = sf_satisfaction_chart_month_name (m->year, m->month);
      append_text (snapshot, widget, name, month_x (frame, i), y, 0.5f, &frame->dim);
    }
}

static gboolean
has_answers (SfSatisfactionChart *self)
{
  for (guint i = 0; self->months != NULL && i < self->months->len; i++)
    if (g_array_index (self->months, SfSatisfactionMonth, i).n_answers > 0)
      return TRUE;

  return FALSE;
}

static void
get_colors (SfSatisfactionChart *self,
            Frame               *frame,
            Series              *nps,
            Series              *csat)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  /* GTK 4.8 has no gtk_widget_get_color(); the style context is the way. */
  gtk_style_context_get_color (context, &frame->text);
  if (!gtk_style_context_lookup_color (context, "accent_color", &nps->color))
    nps->color = frame->text;
  if (!gtk_style_context_lookup_color (context, "warning_color", &csat->color))
    csat->color = frame->text;
  G_GNUC_END_IGNORE_DEPRECATIONS

  frame->dim = frame->text;
  frame->dim.alpha *= 0.6f;
  frame->grid = frame->text;
  frame->grid.alpha *= 0.12f;
}

static void
sf_satisfaction_chart_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  SfSatisfactionChart *self = SF_SATISFACTION_CHART (widget);
  float width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  Series nps = { _("NPS"), -100, 100, nps_ticks, G_N_ELEMENTS (nps_ticks), 1, FALSE };
  Series csat = { _("Average CSAT"), 1, 5, csat_ticks, G_N_ELEMENTS (csat_ticks), 100, TRUE };
  Frame frame = { 0 };
  g_autoptr(PangoLayout) probe = small_layout (widget, "−100");
  float panel;

  get_colors (self, &frame, &nps, &csat);
  text_size (probe, &frame.axis_width, &frame.line_height);
  frame.left = frame.axis_width + PADDING;
  frame.right = width - PADDING;
  frame.slot = (frame.right - frame.left) / N_MONTHS;
  panel = (height - frame.line_height - 4 - PANEL_GAP) / 2;
  if (panel <= 2 * frame.line_height || frame.slot <= 0)
    return;

  append_panel (self, snapshot, &frame, &nps, 0, panel);
  append_panel (self, snapshot, &frame, &csat, panel + PANEL_GAP, panel);
  append_month_labels (self, snapshot, &frame, 2 * panel + PANEL_GAP + 4);

  if (!has_answers (self))
    append_text (snapshot, widget, _("No answers in the last 12 months"),
                 (frame.left + frame.right) / 2, panel + PANEL_GAP / 2 - frame.line_height / 2,
                 0.5f, &frame.dim);
}

static void
sf_satisfaction_chart_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 520;
    }
  else
    {
      *minimum = 200;
      *natural = 210;
    }
}

static void
sf_satisfaction_chart_css_changed (GtkWidget         *widget,
                                   GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sf_satisfaction_chart_parent_class)->css_changed (widget, change);

  /* Dark mode, high contrast or another accent: new colours. */
  gtk_widget_queue_draw (widget);
}

static void
sf_satisfaction_chart_finalize (GObject *object)
{
  SfSatisfactionChart *self = (SfSatisfactionChart *) object;

  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (sf_satisfaction_chart_parent_class)->finalize (object);
}

static void
sf_satisfaction_chart_class_init (SfSatisfactionChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = sf_satisfaction_chart_finalize;
  widget_class->snapshot = sf_satisfaction_chart_snapshot;
  widget_class->measure = sf_satisfaction_chart_measure;
  widget_class->css_changed = sf_satisfaction_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "satisfaction-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sf_satisfaction_chart_init (SfSatisfactionChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Monthly NPS and average CSAT"), -1);
  sf_satisfaction_chart_set_months (self, NULL);
}

GtkWidget *
sf_satisfaction_chart_new (void)
{
  return g_object_new (SF_TYPE_SATISFACTION_CHART, NULL);
}

/**
 * sf_satisfaction_chart_set_months:
 * @months: (element-type SfSatisfactionMonth) (nullable): the months from
 *   sf_satisfaction_monthly(), oldest first; copied
 *
 * Shows @months and writes them into the accessible description.
 */
void
sf_satisfaction_chart_set_months (SfSatisfactionChart *self,
                                  GArray              *months)
{
  g_return_if_fail (SF_IS_SATISFACTION_CHART (self));

  g_clear_pointer (&self->months, g_array_unref);
  self->months = g_array_new (FALSE, TRUE, sizeof (SfSatisfactionMonth));
  if (months != NULL)
    g_array_append_vals (self->months, months->data, months->len);

  g_free (self->description);
  self->description = sf_satisfaction_chart_describe (self->months);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sf_satisfaction_chart_get_months:
 *
 * Returns: (transfer none) (element-type SfSatisfactionMonth): the months
 *   shown
 */
GArray *
sf_satisfaction_chart_get_months (SfSatisfactionChart *self)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_CHART (self), NULL);
  return self->months;
}

/**
 * sf_satisfaction_chart_get_description:
 *
 * Returns: (transfer none): the accessible description, as last set; GTK
 *   4.8 cannot read an accessible property back
 */
const char *
sf_satisfaction_chart_get_description (SfSatisfactionChart *self)
{
  g_return_val_if_fail (SF_IS_SATISFACTION_CHART (self), NULL);
  return self->description;
}
