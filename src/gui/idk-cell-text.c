/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-cell-text"

#include "config.h"

#include "idk-cell-text.h"

/* The text of a table cell: up to a set number of lines, ellipsized, in
 * a size that does not depend on the text.  A GtkLabel given new text
 * asks for a new size, and in GTK 4.8 a cell of a GtkColumnView that
 * asks for one makes every cell of its column ask too (its column
 * queues a resize of all of them): a new result in a few rows had two
 * hundred rows measured again, which was most of the time a search took
 * at 100,000 actions.  This cell only redraws. */

struct _IdkCellText
{
  GtkWidget parent_instance;

  char *text;
  guint lines;
  PangoLayout *layout;    /* for the text at layout_width, or NULL */
  int layout_width;
  guint layout_serial;    /* of the widget's Pango context */
  int line_height;        /* of @lines lines, in pixels; 0: to measure */
  guint height_serial;
};

G_DEFINE_FINAL_TYPE (IdkCellText, idk_cell_text, GTK_TYPE_WIDGET)

/* The height of @lines lines in the widget's font. */
static int
lines_height (IdkCellText *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);

  if (self->line_height == 0 || self->height_serial != serial)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      g_autoptr(GString) sample = g_string_new ("Xg");
      int height;

      for (guint i = 1; i < self->lines; i++)
        g_string_append (sample, "\nXg");
      pango_layout_set_text (layout, sample->str, -1);
      pango_layout_get_pixel_size (layout, NULL, &height);
      self->line_height = height;
      self->height_serial = serial;
    }

  return self->line_height;
}

static void
idk_cell_text_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  IdkCellText *self = IDK_CELL_TEXT (widget);

  /* The column decides the width; the height is that of the lines. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = lines_height (self);
}

static void
idk_cell_text_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  IdkCellText *self = IDK_CELL_TEXT (widget);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA color;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;

  if (self->layout == NULL)
    {
      self->layout = pango_layout_new (context);
      pango_layout_set_text (self->layout, self->text, -1);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (self->layout, -(int) self->lines);
      self->layout_width = -1;
      self->layout_serial = pango_context_get_serial (context);
    }
  else if (self->layout_serial != pango_context_get_serial (context))
    {
      pango_layout_context_changed (self->layout);
      self->layout_serial = pango_context_get_serial (context);
    }
  if (self->layout_width != width)
    {
      pango_layout_set_width (self->layout, width * PANGO_SCALE);
      self->layout_width = width;
    }
  pango_layout_set_alignment (self->layout, gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                                            ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
}

static void
idk_cell_text_finalize (GObject *object)
{
  IdkCellText *self = IDK_CELL_TEXT (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (idk_cell_text_parent_class)->finalize (object);
}

static void
idk_cell_text_class_init (IdkCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = idk_cell_text_finalize;
  widget_class->measure = idk_cell_text_measure;
  widget_class->snapshot = idk_cell_text_snapshot;

  /* Styled as the labels it stands for. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
idk_cell_text_init (IdkCellText *self)
{
  self->lines = 1;
}

/**
 * idk_cell_text_new:
 * @lines: how many lines the cell shows at most, and is high
 */
GtkWidget *
idk_cell_text_new (guint lines)
{
  IdkCellText *self = g_object_new (IDK_TYPE_CELL_TEXT, NULL);

  self->lines = MAX (lines, 1);
  return GTK_WIDGET (self);
}

const char *
idk_cell_text_get_text (IdkCellText *self)
{
  g_return_val_if_fail (IDK_IS_CELL_TEXT (self), NULL);

  return self->text ? self->text : "";
}

/**
 * idk_cell_text_set_text:
 *
 * Sets the text, as plain text (never markup), and redraws: the size
 * stays the same.
 */
void
idk_cell_text_set_text (IdkCellText *self,
                        const char  *text)
{
  g_return_if_fail (IDK_IS_CELL_TEXT (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->layout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
