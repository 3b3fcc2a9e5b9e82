/* sf-deal-card.c — one deal on the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A card follows its deal with one GSignalGroup: the list view recycles
 * cards, and setting another deal moves every connection at once. A card
 * is also the drag source for moving its deal between columns.
 *
 * Its widgets are built in C rather than from a template: GTK 4.8's list
 * views build a card for every deal that comes near the view (200 around
 * each column's anchor), and parsing a template for each was much of what
 * showing the board and scrolling it cost.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-deal-card.h"
#include "sf-deal-filter.h"
#include "sf-profile.h"
#include "sf-ui-util.h"

struct _SfDealCard
{
  GtkWidget parent_instance;

  /* children */
  GtkWidget *box;
  GtkLabel *title_label;
  GtkLabel *customer_label;
  GtkLabel *value_label;
  GtkLabel *progress_label;
  GtkLevelBar *progress_bar;
  GtkWidget *stale_icon;

  /* owned */
  SfDeal *deal;
  GSignalGroup *deal_signals;
};

G_DEFINE_FINAL_TYPE (SfDealCard, sf_deal_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DEAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (SfDealCard *self)
{
  g_autofree char *value = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *accessible = NULL;
  guint done, required;
  gboolean stale;

  if (self->deal == NULL)
    return;

  done = sf_deal_get_progress_done (self->deal);
  required = sf_deal_get_progress_required (self->deal);
  value = sf_ui_format_value (self->deal);
  progress = sf_ui_format_progress (done, required);

  gtk_label_set_text (self->title_label, sf_deal_get_title (self->deal));
  gtk_label_set_text (self->customer_label, sf_deal_get_customer (self->deal));
  gtk_label_set_text (self->value_label, value);
  gtk_label_set_text (self->progress_label, progress);
  gtk_level_bar_set_value (self->progress_bar, required ? (double) done / required : 1.0);

  stale = sf_deal_is_stale (self->deal, g_settings_get_int (sf_ui_get_settings (), "stale-days"),
                            g_get_real_time () / G_USEC_PER_SEC);
  gtk_widget_set_visible (self->stale_icon, stale);

  /* Translators: read by screen readers for a card on the board: the
   * deal's title, its customer, its value, checklist progress (“3 of 5”) */
  accessible = g_strdup_printf (_("“%s” for %s, worth %s; %s done"), sf_deal_get_title (self->deal),
                                sf_deal_get_customer (self->deal), value, progress);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 SfDealCard    *self)
{
  if (self->deal == NULL)
    return NULL;

  return gdk_content_provider_new_typed (SF_TYPE_DEAL, self->deal);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               SfDealCard    *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 16, 16);
}

static void
sf_deal_card_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  sf_profile_deal_drawn ();
  GTK_WIDGET_CLASS (sf_deal_card_parent_class)->snapshot (widget, snapshot);
}

static void
sf_deal_card_dispose (GObject *object)
{
  SfDealCard *self = (SfDealCard *) object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->deal_signals);
  g_clear_object (&self->deal);

  G_OBJECT_CLASS (sf_deal_card_parent_class)->dispose (object);
}

static void
sf_deal_card_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SfDealCard *self = SF_DEAL_CARD (object);

  switch (prop_id)
    {
    case PROP_DEAL: g_value_set_object (value, self->deal); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_deal_card_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SfDealCard *self = SF_DEAL_CARD (object);

  switch (prop_id)
    {
    case PROP_DEAL: sf_deal_card_set_deal (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sf_deal_card_class_init (SfDealCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_deal_card_dispose;
  object_class->get_property = sf_deal_card_get_property;
  object_class->set_property = sf_deal_card_set_property;
  widget_class->snapshot = sf_deal_card_snapshot;

  properties[PROP_DEAL] =
    g_param_spec_object ("deal", NULL, NULL, SF_TYPE_DEAL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "deal-card");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
new_label (float       xalign,
           const char *css_class,
           const char *css_class2)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (css_class2 != NULL)
    gtk_widget_add_css_class (label, css_class2);
  return label;
}

/* Title and stale mark; customer; value and progress; the bar. */
static void
build (SfDealCard *self)
{
  GtkWidget *row;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->title_label = GTK_LABEL (new_label (0, "heading", NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_wrap_mode (self->title_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->title_label, 2);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->title_label));

  /* Hidden before its tooltip is set: a tooltip set on a shown widget asks
   * the X server where the pointer is. */
  self->stale_icon = gtk_image_new_from_icon_name ("alarm-symbolic");
  gtk_widget_set_visible (self->stale_icon, FALSE);
  gtk_widget_set_valign (self->stale_icon, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (self->stale_icon,
                               _("Stale: longer in this stage than the threshold in Preferences"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stale_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stale"), -1);
  gtk_widget_add_css_class (self->stale_icon, "warning");
  gtk_box_append (GTK_BOX (row), self->stale_icon);
  gtk_box_append (GTK_BOX (self->box), row);

  self->customer_label = GTK_LABEL (new_label (0, "dim-label", NULL));
  gtk_label_set_ellipsize (self->customer_label, PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->customer_label));

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->value_label = GTK_LABEL (new_label (0, "numeric", NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->value_label), TRUE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->value_label));
  self->progress_label = GTK_LABEL (new_label (1, "caption", "dim-label"));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->progress_label));
  gtk_box_append (GTK_BOX (self->box), row);

  self->progress_bar = GTK_LEVEL_BAR (gtk_level_bar_new_for_interval (0, 1));
  gtk_level_bar_set_mode (self->progress_bar, GTK_LEVEL_BAR_MODE_CONTINUOUS);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->progress_bar));
}

static void
sf_deal_card_init (SfDealCard *self)
{
  GtkDragSource *source;

  build (self);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");

  self->deal_signals = g_signal_group_new (SF_TYPE_DEAL);
  g_signal_group_connect_swapped (self->deal_signals, "notify", G_CALLBACK (update), self);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
}

/**
 * sf_deal_card_get_deal:
 *
 * Returns: (transfer none) (nullable): the deal shown
 */
SfDeal *
sf_deal_card_get_deal (SfDealCard *self)
{
  g_return_val_if_fail (SF_IS_DEAL_CARD (self), NULL);
  return self->deal;
}

void
sf_deal_card_set_deal (SfDealCard *self,
                       SfDeal     *deal)
{
  g_return_if_fail (SF_IS_DEAL_CARD (self));

  if (g_set_object (&self->deal, deal))
    {
      g_signal_group_set_target (self->deal_signals, deal);
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEAL]);
    }
}
