/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-entry"

#include "config.h"

#include "idk-entry.h"

/* One line of a detail page: a relationship, a holder, an agenda item… Plain text ready to show, and the record it leads to. */

struct _IdkEntry
{
  GObject parent_instance;

  char *title;
  char *subtitle;
  char *group;
  char *kind;
  char *target_uuid;
  int level;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_GROUP,
  PROP_KIND,
  PROP_TARGET_UUID,
  PROP_LEVEL,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (IdkEntry, idk_entry, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
idk_entry_finalize (GObject *object)
{
  IdkEntry *self = (IdkEntry *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->target_uuid, g_free);

  G_OBJECT_CLASS (idk_entry_parent_class)->finalize (object);
}

static void
idk_entry_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IdkEntry *self = IDK_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_TARGET_UUID:
      g_value_set_string (value, self->target_uuid);
      break;

    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_entry_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  IdkEntry *self = IDK_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_SUBTITLE:
      self->subtitle = g_value_dup_string (value);
      break;

    case PROP_GROUP:
      self->group = g_value_dup_string (value);
      break;

    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;

    case PROP_TARGET_UUID:
      self->target_uuid = g_value_dup_string (value);
      break;

    case PROP_LEVEL:
      self->level = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_entry_class_init (IdkEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = idk_entry_finalize;
  object_class->get_property = idk_entry_get_property;
  object_class->set_property = idk_entry_set_property;

  /* Main text */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Secondary text */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Heading the entry is shown under, e.g. a day of the agenda */
  properties[PROP_GROUP] =
    g_param_spec_string ("group", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* What sort of entry, e.g. "break" in an agenda */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The record the entry leads to */
  properties[PROP_TARGET_UUID] =
    g_param_spec_string ("target-uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Nesting depth, 0 at the top */
  properties[PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
idk_entry_init (IdkEntry *self)
{
}

const char *
idk_entry_get_title (IdkEntry *self)
{
  g_return_val_if_fail (IDK_IS_ENTRY (self), NULL);

  return self->title;
}

const char *
idk_entry_get_subtitle (IdkEntry *self)
{
  g_return_val_if_fail (IDK_IS_ENTRY (self), NULL);

  return self->subtitle;
}

const char *
idk_entry_get_group (IdkEntry *self)
{
  g_return_val_if_fail (IDK_IS_ENTRY (self), NULL);

  return self->group;
}

const char *
idk_entry_get_kind (IdkEntry *self)
{
  g_return_val_if_fail (IDK_IS_ENTRY (self), NULL);

  return self->kind;
}

const char *
idk_entry_get_target_uuid (IdkEntry *self)
{
  g_return_val_if_fail (IDK_IS_ENTRY (self), NULL);

  return self->target_uuid;
}

int
idk_entry_get_level (IdkEntry *self)
{
  g_return_val_if_fail (IDK_IS_ENTRY (self), 0);

  return self->level;
}

/**
 * idk_entry_is_secondary:
 *
 * Returns: whether the entry is a break or a marker of an agenda (the end
 *   of a day or session) rather than an item, to be shown dimmed
 */
gboolean
idk_entry_is_secondary (IdkEntry *self)
{
  g_return_val_if_fail (IDK_IS_ENTRY (self), FALSE);

  return g_strcmp0 (self->kind, "break") == 0 || g_strcmp0 (self->kind, "marker") == 0;
}
