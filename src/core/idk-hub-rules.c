/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-hub"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "idk-hub-private.h"

/* The hub's rules, run by the server on every write: a bundle is written
 * once, under its own office's id and number, with its signature; a
 * member with roles "office:<uuid>" writes only those offices' bundles;
 * only an administrator deletes, or changes the rules. */
static const char rules[] =
  "function (newDoc, oldDoc, userCtx, secObj) {"
  "  var admins = (secObj && secObj.admins) || {};"
  "  var admin = userCtx.roles.indexOf('_admin') !== -1"
  "    || (admins.names || []).indexOf(userCtx.name) !== -1"
  "    || userCtx.roles.some(function (r) { return (admins.roles || []).indexOf(r) !== -1; });"
  "  if (newDoc._id.indexOf('_design/') === 0) {"
  "    if (!admin) throw ({ unauthorized: 'Only an administrator changes the rules' });"
  "    return;"
  "  }"
  "  if (newDoc._deleted) {"
  "    if (!admin) throw ({ forbidden: 'Only an administrator deletes a bundle' });"
  "    return;"
  "  }"
  "  if (oldDoc && !oldDoc._deleted) throw ({ forbidden: 'A bundle is written once: ' + newDoc._id + ' exists' });"
  "  var m = /^bundle:([0-9a-f-]{36}):([1-9][0-9]*)$/.exec (newDoc._id);"
  "  if (!m) throw ({ forbidden: 'Only bundles: bundle:<office>:<seq>' });"
  "  if (newDoc.origin !== m[1] || String (newDoc.seq) !== m[2])"
  "    throw ({ forbidden: 'The origin and seq must be those of the id' });"
  /* A member tied to offices by roles "office:<uuid>" writes only theirs. */
  "  var tied = userCtx.roles.filter (function (r) { return r.indexOf ('office:') === 0; });"
  "  if (!admin && tied.length > 0 && tied.indexOf ('office:' + m[1]) === -1)"
  "    throw ({ forbidden: userCtx.name + ' writes only the bundles of its own office' });"
  "  var a = newDoc._attachments || {};"
  "  if (!a['" ATTACHMENT "'] || !a['" SIGNATURE_ATTACHMENT "'])"
  "    throw ({ forbidden: 'A bundle comes with its signature' });"
  "}";

/**
 * idk_hub_install_rules:
 *
 * Writes, or rewrites, the design document whose validate_doc_update the
 * server runs on every write to the hub.  Needs an administrator.
 */
gboolean
idk_hub_install_rules (IdkHub        *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GBytes) existing = NULL, answer = NULL, body = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *rev = NULL;
  guint status = 0;
  char *text;

  g_return_val_if_fail (IDK_IS_HUB (self), FALSE);

  if (!(existing = _idk_hub_request (self, "GET", "/_design/iasmn", NULL, &status, cancellable, error)))
    return FALSE;
  if (status == 200)
    {
      g_autoptr(JsonNode) node = _idk_hub_parse (self, existing, error);

      if (node == NULL)
        return FALSE;
      rev = g_strdup (json_object_get_string_member_with_default (json_node_get_object (node), "_rev", NULL));
    }
  json_builder_begin_object (b);
  if (rev != NULL)
    {
      json_builder_set_member_name (b, "_rev");
      json_builder_add_string_value (b, rev);
    }
  json_builder_set_member_name (b, "validate_doc_update");
  json_builder_add_string_value (b, rules);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, FALSE);
  body = g_bytes_new_take (text, strlen (text));
  if (!(answer = _idk_hub_request (self, "PUT", "/_design/iasmn", body, &status, cancellable, error)))
    return FALSE;
  if (status != 201 && status != 202)
    return _idk_hub_refuse_status (self, status, error);
  _idk_hub_tell (self, _("the hub's rules are installed"));
  return TRUE;
}

