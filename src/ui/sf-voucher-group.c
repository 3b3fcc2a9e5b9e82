/* sf-voucher-group.c — a manager confirms a new manager's passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows a dialog shows while sf_pipeline_needs_voucher() asks for a
 * voucher: the active managers who have a passphrase (the person using
 * Salesflow first, when they are one) and the chosen one's passphrase.
 * Hidden, and always ready, when no voucher is needed. #SfVoucherGroup::changed
 * tells the dialog to look at its Add or Save button again.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sf-voucher-group.h"

struct _SfVoucherGroup
{
  AdwPreferencesGroup parent_instance;

  /* template widgets */
  AdwComboRow *manager_row;
  AdwPasswordEntryRow *passphrase_row;

  GArray *ids;          /* gint64: the managers in the combo row, in order */
  gboolean needed;
};

G_DEFINE_FINAL_TYPE (SfVoucherGroup, sf_voucher_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
changed_cb (SfVoucherGroup *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
sf_voucher_group_finalize (GObject *object)
{
  SfVoucherGroup *self = (SfVoucherGroup *) object;

  g_array_unref (self->ids);

  G_OBJECT_CLASS (sf_voucher_group_parent_class)->finalize (object);
}

static void
sf_voucher_group_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SF_TYPE_VOUCHER_GROUP);

  G_OBJECT_CLASS (sf_voucher_group_parent_class)->dispose (object);
}

static void
sf_voucher_group_class_init (SfVoucherGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sf_voucher_group_dispose;
  object_class->finalize = sf_voucher_group_finalize;

  /**
   * SfVoucherGroup::changed:
   *
   * The chosen manager or the passphrase typed changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesflow/Salesflow/sf-voucher-group.ui");
  gtk_widget_class_bind_template_child (widget_class, SfVoucherGroup, manager_row);
  gtk_widget_class_bind_template_child (widget_class, SfVoucherGroup, passphrase_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
sf_voucher_group_init (SfVoucherGroup *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_expression (self->manager_row,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
}

/**
 * sf_voucher_group_setup:
 * @person_id: the manager whose first passphrase is set, 0 for a new one
 *
 * Asks the store whether a voucher is needed and offers the managers who
 * can give it; shows the group only then.
 */
void
sf_voucher_group_setup (SfVoucherGroup *self,
                        SfPipeline     *pipeline,
                        gint64          person_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *persons = sf_pipeline_get_persons (pipeline);
  gint64 me = sf_pipeline_get_actor (pipeline);
  guint mine = 0;

  g_return_if_fail (SF_IS_VOUCHER_GROUP (self));

  /* When the store cannot say, ask for a voucher: the store decides. */
  if (!sf_pipeline_needs_voucher (pipeline, person_id, &self->needed, NULL))
    self->needed = TRUE;

  g_array_set_size (self->ids, 0);
  for (guint i = 0; i < g_list_model_get_n_items (persons); i++)
    {
      g_autoptr(SfPerson) person = g_list_model_get_item (persons, i);
      gint64 id = sf_person_get_id (person);

      if (sf_person_get_role (person) != SF_ROLE_MANAGER || !sf_person_get_active (person) ||
          !sf_person_get_has_passphrase (person) || id == person_id)
        continue;
      if (id == me)
        mine = self->ids->len;
      g_array_append_val (self->ids, id);
      gtk_string_list_append (names, sf_person_get_name (person));
    }
  adw_combo_row_set_model (self->manager_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->manager_row, mine);
  gtk_widget_set_visible (GTK_WIDGET (self), self->needed);
}

gboolean
sf_voucher_group_is_needed (SfVoucherGroup *self)
{
  g_return_val_if_fail (SF_IS_VOUCHER_GROUP (self), FALSE);
  return self->needed;
}

/**
 * sf_voucher_group_is_ready:
 *
 * Returns: whether no voucher is needed, or a manager is chosen and a
 *   passphrase typed
 */
gboolean
sf_voucher_group_is_ready (SfVoucherGroup *self)
{
  g_return_val_if_fail (SF_IS_VOUCHER_GROUP (self), FALSE);

  return !self->needed ||
         (sf_voucher_group_get_voucher_id (self) > 0 &&
          *gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)) != '\0');
}

/**
 * sf_voucher_group_get_voucher_id:
 *
 * Returns: the chosen manager, 0 when none is needed or none can be chosen
 */
gint64
sf_voucher_group_get_voucher_id (SfVoucherGroup *self)
{
  guint selected;

  g_return_val_if_fail (SF_IS_VOUCHER_GROUP (self), 0);

  selected = adw_combo_row_get_selected (self->manager_row);
  if (!self->needed || selected >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, selected);
}

/**
 * sf_voucher_group_get_passphrase:
 *
 * Returns: (nullable): the voucher's passphrase as typed, %NULL when none
 *   is needed
 */
const char *
sf_voucher_group_get_passphrase (SfVoucherGroup *self)
{
  g_return_val_if_fail (SF_IS_VOUCHER_GROUP (self), NULL);

  return self->needed ? gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)) : NULL;
}

/**
 * sf_voucher_group_clear:
 *
 * Empties the passphrase after a failed try.
 */
void
sf_voucher_group_clear (SfVoucherGroup *self)
{
  g_return_if_fail (SF_IS_VOUCHER_GROUP (self));
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
}
