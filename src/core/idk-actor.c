/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-actor"

#include "config.h"

#include "idk-actor.h"

/* An actor of the Framework for Accountability. */

struct _IdkActor
{
  GObject parent_instance;

  char *uuid;
  char *code;
  char *title;
  char *short_title;
  char *section;
  char *summary;
  char **responsibilities;
  char *parent_uuid;
  gboolean collective;
};

enum {
  PROP_0,
  PROP_UUID,
  PROP_CODE,
  PROP_TITLE,
  PROP_SHORT_TITLE,
  PROP_SECTION,
  PROP_SUMMARY,
  PROP_RESPONSIBILITIES,
  PROP_PARENT_UUID,
  PROP_COLLECTIVE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (IdkActor, idk_actor, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
idk_actor_finalize (GObject *object)
{
  IdkActor *self = (IdkActor *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->short_title, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->responsibilities, g_strfreev);
  g_clear_pointer (&self->parent_uuid, g_free);

  G_OBJECT_CLASS (idk_actor_parent_class)->finalize (object);
}

static void
idk_actor_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IdkActor *self = IDK_ACTOR (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SHORT_TITLE:
      g_value_set_string (value, self->short_title);
      break;

    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_RESPONSIBILITIES:
      g_value_set_boxed (value, self->responsibilities);
      break;

    case PROP_PARENT_UUID:
      g_value_set_string (value, self->parent_uuid);
      break;

    case PROP_COLLECTIVE:
      g_value_set_boolean (value, self->collective);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_actor_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  IdkActor *self = IDK_ACTOR (object);

  switch (prop_id)
    {
    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_SHORT_TITLE:
      self->short_title = g_value_dup_string (value);
      break;

    case PROP_SECTION:
      self->section = g_value_dup_string (value);
      break;

    case PROP_SUMMARY:
      self->summary = g_value_dup_string (value);
      break;

    case PROP_RESPONSIBILITIES:
      self->responsibilities = g_value_dup_boxed (value);
      break;

    case PROP_PARENT_UUID:
      self->parent_uuid = g_value_dup_string (value);
      break;

    case PROP_COLLECTIVE:
      self->collective = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_actor_class_init (IdkActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = idk_actor_finalize;
  object_class->get_property = idk_actor_get_property;
  object_class->set_property = idk_actor_set_property;

  /* The record UUID */
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Short code, e.g. "DO" */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Full title */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Abbreviation, e.g. "CSA / SA" */
  properties[PROP_SHORT_TITLE] =
    g_param_spec_string ("short-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Section letter in the Framework */
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Its paragraph(s) in the Framework */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Its responsibilities, one per element */
  properties[PROP_RESPONSIBILITIES] =
    g_param_spec_boxed ("responsibilities", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The actor above it in the accountability tree */
  properties[PROP_PARENT_UUID] =
    g_param_spec_string ("parent-uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* A body (EGS, SMT) rather than a post */
  properties[PROP_COLLECTIVE] =
    g_param_spec_boolean ("collective", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
idk_actor_init (IdkActor *self)
{
}

const char *
idk_actor_get_uuid (IdkActor *self)
{
  g_return_val_if_fail (IDK_IS_ACTOR (self), NULL);

  return self->uuid;
}

const char *
idk_actor_get_code (IdkActor *self)
{
  g_return_val_if_fail (IDK_IS_ACTOR (self), NULL);

  return self->code;
}

const char *
idk_actor_get_title (IdkActor *self)
{
  g_return_val_if_fail (IDK_IS_ACTOR (self), NULL);

  return self->title;
}

const char *
idk_actor_get_short_title (IdkActor *self)
{
  g_return_val_if_fail (IDK_IS_ACTOR (self), NULL);

  return self->short_title;
}

const char *
idk_actor_get_section (IdkActor *self)
{
  g_return_val_if_fail (IDK_IS_ACTOR (self), NULL);

  return self->section;
}

const char *
idk_actor_get_summary (IdkActor *self)
{
  g_return_val_if_fail (IDK_IS_ACTOR (self), NULL);

  return self->summary;
}

const char * const *
idk_actor_get_responsibilities (IdkActor *self)
{
  g_return_val_if_fail (IDK_IS_ACTOR (self), NULL);

  return (const char * const *) self->responsibilities;
}

const char *
idk_actor_get_parent_uuid (IdkActor *self)
{
  g_return_val_if_fail (IDK_IS_ACTOR (self), NULL);

  return self->parent_uuid;
}

gboolean
idk_actor_get_collective (IdkActor *self)
{
  g_return_val_if_fail (IDK_IS_ACTOR (self), FALSE);

  return self->collective;
}
