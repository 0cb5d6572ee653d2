/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-organization"

#include "config.h"

#include "idk-organization.h"

/* A member or other organization of the network. */

struct _IdkOrganization
{
  GObject parent_instance;

  char *uuid;
  char *acronym;
  char *name;
  char *category;
  char *parent_uuid;
};

enum {
  PROP_0,
  PROP_UUID,
  PROP_ACRONYM,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_PARENT_UUID,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (IdkOrganization, idk_organization, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
idk_organization_finalize (GObject *object)
{
  IdkOrganization *self = (IdkOrganization *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->acronym, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->parent_uuid, g_free);

  G_OBJECT_CLASS (idk_organization_parent_class)->finalize (object);
}

static void
idk_organization_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IdkOrganization *self = IDK_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_ACRONYM:
      g_value_set_string (value, self->acronym);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_PARENT_UUID:
      g_value_set_string (value, self->parent_uuid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_organization_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IdkOrganization *self = IDK_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_ACRONYM:
      self->acronym = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_CATEGORY:
      self->category = g_value_dup_string (value);
      break;

    case PROP_PARENT_UUID:
      self->parent_uuid = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_organization_class_init (IdkOrganizationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = idk_organization_finalize;
  object_class->get_property = idk_organization_get_property;
  object_class->set_property = idk_organization_set_property;

  /* The record UUID */
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* e.g. "UNHCR" */
  properties[PROP_ACRONYM] =
    g_param_spec_string ("acronym", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Full name */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Membership category (ToR paragraph 3) */
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Parent organization of a unit */
  properties[PROP_PARENT_UUID] =
    g_param_spec_string ("parent-uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
idk_organization_init (IdkOrganization *self)
{
}

const char *
idk_organization_get_uuid (IdkOrganization *self)
{
  g_return_val_if_fail (IDK_IS_ORGANIZATION (self), NULL);

  return self->uuid;
}

const char *
idk_organization_get_acronym (IdkOrganization *self)
{
  g_return_val_if_fail (IDK_IS_ORGANIZATION (self), NULL);

  return self->acronym;
}

const char *
idk_organization_get_name (IdkOrganization *self)
{
  g_return_val_if_fail (IDK_IS_ORGANIZATION (self), NULL);

  return self->name;
}

const char *
idk_organization_get_category (IdkOrganization *self)
{
  g_return_val_if_fail (IDK_IS_ORGANIZATION (self), NULL);

  return self->category;
}

const char *
idk_organization_get_parent_uuid (IdkOrganization *self)
{
  g_return_val_if_fail (IDK_IS_ORGANIZATION (self), NULL);

  return self->parent_uuid;
}
