/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-action"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "idk-action.h"
#include "idk-record.h"
#include "idk-types.h"

/* One decision of a session, as the Actions view lists it. */

struct _IdkAction
{
  GObject parent_instance;

  char *uuid;
  char *reference;
  char *session;
  char *topic;
  char *text;
  char *kind;
  char *owners;
  char *due;
  char *status;
  char *last_update;
  gboolean overdue;
};

enum {
  PROP_0,
  PROP_UUID,
  PROP_REFERENCE,
  PROP_SESSION,
  PROP_TOPIC,
  PROP_TEXT,
  PROP_KIND,
  PROP_OWNERS,
  PROP_DUE,
  PROP_STATUS,
  PROP_LAST_UPDATE,
  PROP_OVERDUE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (IdkAction, idk_action, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* How many actions exist: a list of 100,000 must not make 100,000. */
static gint n_alive;

static void
idk_action_finalize (GObject *object)
{
  IdkAction *self = (IdkAction *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->session, g_free);
  g_clear_pointer (&self->topic, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->owners, g_free);
  g_clear_pointer (&self->due, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->last_update, g_free);
  g_atomic_int_dec_and_test (&n_alive);

  G_OBJECT_CLASS (idk_action_parent_class)->finalize (object);
}

static void
idk_action_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IdkAction *self = IDK_ACTION (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;

    case PROP_SESSION:
      g_value_set_string (value, self->session);
      break;

    case PROP_TOPIC:
      g_value_set_string (value, self->topic);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_OWNERS:
      g_value_set_string (value, self->owners);
      break;

    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_LAST_UPDATE:
      g_value_set_string (value, self->last_update);
      break;

    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_action_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IdkAction *self = IDK_ACTION (object);

  switch (prop_id)
    {
    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_REFERENCE:
      self->reference = g_value_dup_string (value);
      break;

    case PROP_SESSION:
      self->session = g_value_dup_string (value);
      break;

    case PROP_TOPIC:
      self->topic = g_value_dup_string (value);
      break;

    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;

    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;

    case PROP_OWNERS:
      self->owners = g_value_dup_string (value);
      break;

    case PROP_DUE:
      self->due = g_value_dup_string (value);
      break;

    case PROP_STATUS:
      self->status = g_value_dup_string (value);
      break;

    case PROP_LAST_UPDATE:
      self->last_update = g_value_dup_string (value);
      break;

    case PROP_OVERDUE:
      self->overdue = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_action_class_init (IdkActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = idk_action_finalize;
  object_class->get_property = idk_action_get_property;
  object_class->set_property = idk_action_set_property;

  /* The record UUID */
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* e.g. "27/47a": session and paragraph */
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Title of the session that decided it */
  properties[PROP_SESSION] =
    g_param_spec_string ("session", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Agenda heading */
  properties[PROP_TOPIC] =
    g_param_spec_string ("topic", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The decision as written */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* request, decision, endorsement or noting */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Owner organizations and working groups, comma-separated */
  properties[PROP_OWNERS] =
    g_param_spec_string ("owners", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Due date or due meeting, ready to show */
  properties[PROP_DUE] =
    g_param_spec_string ("due", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* open, in-progress, … */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Date of the last status update, ready to show */
  properties[PROP_LAST_UPDATE] =
    g_param_spec_string ("last-update", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Open or in progress and past its due date */
  properties[PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
idk_action_init (IdkAction *self)
{
  g_atomic_int_inc (&n_alive);
}

/**
 * idk_action_count_alive:
 *
 * Returns: how many #IdkAction objects exist in the process, for the
 *   tests and benchmarks of the lists
 */
guint
idk_action_count_alive (void)
{
  return (guint) g_atomic_int_get (&n_alive);
}

/**
 * idk_action_swap_contents:
 *
 * Exchanges what @self and @other hold.  A list writes a new result into
 * the objects its widgets show, so that they show it without being made
 * again; it announces the change itself, so no property is notified.
 */
void
idk_action_swap_contents (IdkAction *self,
                          IdkAction *other)
{
  IdkAction tmp;

  g_return_if_fail (IDK_IS_ACTION (self));
  g_return_if_fail (IDK_IS_ACTION (other));

  /* Everything after the GObject header is the action's own. */
  memcpy (&tmp.uuid, &self->uuid, sizeof tmp - G_STRUCT_OFFSET (IdkAction, uuid));
  memcpy (&self->uuid, &other->uuid, sizeof tmp - G_STRUCT_OFFSET (IdkAction, uuid));
  memcpy (&other->uuid, &tmp.uuid, sizeof tmp - G_STRUCT_OFFSET (IdkAction, uuid));
}

const char *
idk_action_get_uuid (IdkAction *self)
{
  g_return_val_if_fail (IDK_IS_ACTION (self), NULL);

  return self->uuid;
}

const char *
idk_action_get_reference (IdkAction *self)
{
  g_return_val_if_fail (IDK_IS_ACTION (self), NULL);

  return self->reference;
}

const char *
idk_action_get_session (IdkAction *self)
{
  g_return_val_if_fail (IDK_IS_ACTION (self), NULL);

  return self->session;
}

const char *
idk_action_get_topic (IdkAction *self)
{
  g_return_val_if_fail (IDK_IS_ACTION (self), NULL);

  return self->topic;
}

const char *
idk_action_get_text (IdkAction *self)
{
  g_return_val_if_fail (IDK_IS_ACTION (self), NULL);

  return self->text;
}

const char *
idk_action_get_kind (IdkAction *self)
{
  g_return_val_if_fail (IDK_IS_ACTION (self), NULL);

  return self->kind;
}

const char *
idk_action_get_owners (IdkAction *self)
{
  g_return_val_if_fail (IDK_IS_ACTION (self), NULL);

  return self->owners;
}

const char *
idk_action_get_due (IdkAction *self)
{
  g_return_val_if_fail (IDK_IS_ACTION (self), NULL);

  return self->due;
}

const char *
idk_action_get_status (IdkAction *self)
{
  g_return_val_if_fail (IDK_IS_ACTION (self), NULL);

  return self->status;
}

const char *
idk_action_get_last_update (IdkAction *self)
{
  g_return_val_if_fail (IDK_IS_ACTION (self), NULL);

  return self->last_update;
}

gboolean
idk_action_get_overdue (IdkAction *self)
{
  g_return_val_if_fail (IDK_IS_ACTION (self), FALSE);

  return self->overdue;
}

/* A noting records what the IASMN took note of: nothing to follow up. */
static gboolean
needs_no_follow_up (IdkAction *self)
{
  return g_strcmp0 (self->kind, "noting") == 0 && g_strcmp0 (self->status, "open") == 0;
}

/**
 * idk_action_get_status_label:
 *
 * Returns: (transfer full): the status as the lists show it: "No
 *   follow-up" for a noting still open, "Open, overdue" past the due day
 */
char *
idk_action_get_status_label (IdkAction *self)
{
  g_return_val_if_fail (IDK_IS_ACTION (self), NULL);

  if (needs_no_follow_up (self))
    return g_strdup (_("No follow-up"));
  if (self->overdue)
    /* Translators: an action's status when past its due date, e.g. "Open, overdue" */
    return g_strdup_printf (_("%s, overdue"), idk_action_status_to_label (self->status));
  return g_strdup (idk_action_status_to_label (self->status));
}

/**
 * idk_action_get_status_style:
 *
 * Returns: the style of the status pill: the status, "overdue" or "noting"
 */
const char *
idk_action_get_status_style (IdkAction *self)
{
  g_return_val_if_fail (IDK_IS_ACTION (self), NULL);

  if (needs_no_follow_up (self))
    return "noting";
  return self->overdue ? "overdue" : self->status;
}

/**
 * idk_action_list_status_labels:
 *
 * Returns: (transfer full): every status label an action may show (each
 *   status, overdue or not, and a noting's), for a column wide enough
 */
GStrv
idk_action_list_status_labels (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (const char * const *status = idk_record_field_values ("action", "status"); *status != NULL; status++)
    for (guint variant = 0; variant < 3; variant++)
      {
        g_autoptr(IdkAction) action = g_object_new (IDK_TYPE_ACTION, "status", *status,
                                                    "kind", variant == 2 ? "noting" : "request",
                                                    "overdue", variant == 1, NULL);

        g_autofree char *label = idk_action_get_status_label (action);

        g_strv_builder_add (builder, label);
      }

  return g_strv_builder_end (builder);
}
