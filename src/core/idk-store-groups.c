/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-store-groups"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "idk-record-type-private.h"
#include "idk-store-private.h"

/* Working groups: checked saves, members, and disbanding, which keeps the
 * group with its history and changes its status. */

/**
 * idk_store_save_working_group:
 * @uuid: (nullable): the group to change, or %NULL for a new one
 *
 * Returns: (transfer full): the group's UUID, or %NULL with @error set
 */
char *
idk_store_save_working_group (IdkStore    *self,
                              const char  *uuid,
                              JsonObject  *fields,
                              GError     **error)
{
  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  /* A new group is the IASMN's, unless said otherwise. */
  if (uuid == NULL && idk_fields_get_text (fields, "body") == NULL)
    {
      g_autofree char *iasmn = idk_store_find_body (self, "IASMN");

      if (iasmn != NULL)
        json_object_set_string_member (fields, "body", iasmn);
    }
  if (idk_fields_get_text (fields, "status") == NULL)
    json_object_set_string_member (fields, "status", "proposed");
  if (idk_fields_get_text (fields, "tor_status") == NULL)
    json_object_set_string_member (fields, "tor_status", "none");

  return idk_store_save (self, "working_group", uuid, fields, error);
}

/**
 * idk_store_disband_working_group:
 * @meeting: (nullable): the session that disbanded it
 *
 * Marks the group disbanded.  It stays, with its members, meetings and
 * actions, so the record of what it did is kept.
 */
gboolean
idk_store_disband_working_group (IdkStore    *self,
                                 const char  *uuid,
                                 const char  *meeting,
                                 GError     **error)
{
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *type = NULL;
  g_autofree char *saved = NULL;

  g_return_val_if_fail (IDK_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!(fields = idk_store_get_fields (self, uuid, &type, error)))
    return FALSE;
  if (g_strcmp0 (type, "working_group") != 0)
    {
      g_set_error (error, IDK_STORE_ERROR, IDK_STORE_ERROR_INVALID, _("%s is not a working group"), uuid);
      return FALSE;
    }

  json_object_set_string_member (fields, "status", "disbanded");
  if (meeting != NULL)
    json_object_set_string_member (fields, "disbanded_meeting", meeting);

  saved = idk_store_save (self, "working_group", uuid, fields, error);
  return saved != NULL;
}

/**
 * idk_store_add_group_member:
 * @organization: the organization's UUID
 * @role: "chair", "co-chair", "member" or "observer"
 *
 * Returns: (transfer full): the membership's UUID, or %NULL with @error set
 */
char *
idk_store_add_group_member (IdkStore    *self,
                            const char  *group,
                            const char  *organization,
                            const char  *role,
                            const char  *note,
                            GError     **error)
{
  g_autoptr(JsonObject) fields = json_object_new ();

  g_return_val_if_fail (IDK_IS_STORE (self), NULL);
  g_return_val_if_fail (group != NULL, NULL);

  /* A member of a working group is an organization. */
  if (organization == NULL)
    return _idk_record_refuse (error, IDK_RECORD_ERROR_REQUIRED, "organization",
                               "%s", _("Choose the organization that joins the group.")), NULL;

  json_object_set_string_member (fields, "working_group", group);
  if (organization != NULL)
    json_object_set_string_member (fields, "organization", organization);
  json_object_set_string_member (fields, "role", role ? role : "member");
  if (!_idk_text_is_blank (note))
    json_object_set_string_member (fields, "note", note);

  return idk_store_save (self, "wg_member", NULL, fields, error);
}
