/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-working-group"

#include "config.h"

#include "idk-working-group.h"

/* A working group, as the Working groups view lists it. */

struct _IdkWorkingGroup
{
  GObject parent_instance;

  char *uuid;
  char *name;
  char *acronym;
  char *status;
  char *tor_status;
  char *chair;
  char *co_chair;
  char *description;
  char *summary;
  int member_count;
};

enum {
  PROP_0,
  PROP_UUID,
  PROP_NAME,
  PROP_ACRONYM,
  PROP_STATUS,
  PROP_TOR_STATUS,
  PROP_CHAIR,
  PROP_CO_CHAIR,
  PROP_DESCRIPTION,
  PROP_SUMMARY,
  PROP_MEMBER_COUNT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (IdkWorkingGroup, idk_working_group, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
idk_working_group_finalize (GObject *object)
{
  IdkWorkingGroup *self = (IdkWorkingGroup *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->acronym, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->tor_status, g_free);
  g_clear_pointer (&self->chair, g_free);
  g_clear_pointer (&self->co_chair, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (idk_working_group_parent_class)->finalize (object);
}

static void
idk_working_group_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IdkWorkingGroup *self = IDK_WORKING_GROUP (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ACRONYM:
      g_value_set_string (value, self->acronym);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_TOR_STATUS:
      g_value_set_string (value, self->tor_status);
      break;

    case PROP_CHAIR:
      g_value_set_string (value, self->chair);
      break;

    case PROP_CO_CHAIR:
      g_value_set_string (value, self->co_chair);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_MEMBER_COUNT:
      g_value_set_int (value, self->member_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_working_group_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IdkWorkingGroup *self = IDK_WORKING_GROUP (object);

  switch (prop_id)
    {
    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_ACRONYM:
      self->acronym = g_value_dup_string (value);
      break;

    case PROP_STATUS:
      self->status = g_value_dup_string (value);
      break;

    case PROP_TOR_STATUS:
      self->tor_status = g_value_dup_string (value);
      break;

    case PROP_CHAIR:
      self->chair = g_value_dup_string (value);
      break;

    case PROP_CO_CHAIR:
      self->co_chair = g_value_dup_string (value);
      break;

    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;

    case PROP_SUMMARY:
      self->summary = g_value_dup_string (value);
      break;

    case PROP_MEMBER_COUNT:
      self->member_count = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_working_group_class_init (IdkWorkingGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = idk_working_group_finalize;
  object_class->get_property = idk_working_group_get_property;
  object_class->set_property = idk_working_group_set_property;

  /* The record UUID */
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Full name */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* e.g. "STWG" */
  properties[PROP_ACRONYM] =
    g_param_spec_string ("acronym", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* proposed, active, disbanded */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* none, draft, approved */
  properties[PROP_TOR_STATUS] =
    g_param_spec_string ("tor-status", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Chair organization (and person) */
  properties[PROP_CHAIR] =
    g_param_spec_string ("chair", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Co-chair organization (and person) */
  properties[PROP_CO_CHAIR] =
    g_param_spec_string ("co-chair", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* What the texts say of it */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Acronym, status and chair, ready to show */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Members and officers, observers excluded */
  properties[PROP_MEMBER_COUNT] =
    g_param_spec_int ("member-count", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
idk_working_group_init (IdkWorkingGroup *self)
{
}

const char *
idk_working_group_get_uuid (IdkWorkingGroup *self)
{
  g_return_val_if_fail (IDK_IS_WORKING_GROUP (self), NULL);

  return self->uuid;
}

const char *
idk_working_group_get_name (IdkWorkingGroup *self)
{
  g_return_val_if_fail (IDK_IS_WORKING_GROUP (self), NULL);

  return self->name;
}

const char *
idk_working_group_get_acronym (IdkWorkingGroup *self)
{
  g_return_val_if_fail (IDK_IS_WORKING_GROUP (self), NULL);

  return self->acronym;
}

const char *
idk_working_group_get_status (IdkWorkingGroup *self)
{
  g_return_val_if_fail (IDK_IS_WORKING_GROUP (self), NULL);

  return self->status;
}

const char *
idk_working_group_get_tor_status (IdkWorkingGroup *self)
{
  g_return_val_if_fail (IDK_IS_WORKING_GROUP (self), NULL);

  return self->tor_status;
}

const char *
idk_working_group_get_chair (IdkWorkingGroup *self)
{
  g_return_val_if_fail (IDK_IS_WORKING_GROUP (self), NULL);

  return self->chair;
}

const char *
idk_working_group_get_co_chair (IdkWorkingGroup *self)
{
  g_return_val_if_fail (IDK_IS_WORKING_GROUP (self), NULL);

  return self->co_chair;
}

const char *
idk_working_group_get_description (IdkWorkingGroup *self)
{
  g_return_val_if_fail (IDK_IS_WORKING_GROUP (self), NULL);

  return self->description;
}

const char *
idk_working_group_get_summary (IdkWorkingGroup *self)
{
  g_return_val_if_fail (IDK_IS_WORKING_GROUP (self), NULL);

  return self->summary;
}

int
idk_working_group_get_member_count (IdkWorkingGroup *self)
{
  g_return_val_if_fail (IDK_IS_WORKING_GROUP (self), 0);

  return self->member_count;
}

/**
 * idk_working_group_is_disbanded:
 *
 * Returns: whether the group was disbanded (it is kept, with its record)
 */
gboolean
idk_working_group_is_disbanded (IdkWorkingGroup *self)
{
  g_return_val_if_fail (IDK_IS_WORKING_GROUP (self), FALSE);

  return g_strcmp0 (self->status, "disbanded") == 0;
}
