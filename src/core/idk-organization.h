/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IDK_TYPE_ORGANIZATION (idk_organization_get_type ())

G_DECLARE_FINAL_TYPE (IdkOrganization, idk_organization, IDK, ORGANIZATION, GObject)

const char *          idk_organization_get_uuid (IdkOrganization *self);
const char *          idk_organization_get_acronym (IdkOrganization *self);
const char *          idk_organization_get_name (IdkOrganization *self);
const char *          idk_organization_get_category (IdkOrganization *self);
const char *          idk_organization_get_parent_uuid (IdkOrganization *self);

G_END_DECLS
