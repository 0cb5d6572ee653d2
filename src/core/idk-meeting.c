/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-meeting"

#include "config.h"

#include "idk-meeting.h"

/* A meeting of the calendar, as lists and pages show it. */

struct _IdkMeeting
{
  GObject parent_instance;

  char *uuid;
  char *title;
  char *meeting_type;
  char *start_date;
  char *end_date;
  char *dates_label;
  char *place_label;
  char *venue;
  char *host_label;
  char *status;
  char *chair;
  char *co_chair;
  char *secretary;
  char *source;
  char *attendance_label;
  char *summary;
  int number;
};

enum {
  PROP_0,
  PROP_UUID,
  PROP_TITLE,
  PROP_MEETING_TYPE,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_DATES_LABEL,
  PROP_PLACE_LABEL,
  PROP_VENUE,
  PROP_HOST_LABEL,
  PROP_STATUS,
  PROP_CHAIR,
  PROP_CO_CHAIR,
  PROP_SECRETARY,
  PROP_SOURCE,
  PROP_ATTENDANCE_LABEL,
  PROP_SUMMARY,
  PROP_NUMBER,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (IdkMeeting, idk_meeting, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
idk_meeting_finalize (GObject *object)
{
  IdkMeeting *self = (IdkMeeting *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->meeting_type, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);
  g_clear_pointer (&self->dates_label, g_free);
  g_clear_pointer (&self->place_label, g_free);
  g_clear_pointer (&self->venue, g_free);
  g_clear_pointer (&self->host_label, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->chair, g_free);
  g_clear_pointer (&self->co_chair, g_free);
  g_clear_pointer (&self->secretary, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->attendance_label, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (idk_meeting_parent_class)->finalize (object);
}

static void
idk_meeting_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IdkMeeting *self = IDK_MEETING (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_MEETING_TYPE:
      g_value_set_string (value, self->meeting_type);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_DATES_LABEL:
      g_value_set_string (value, self->dates_label);
      break;

    case PROP_PLACE_LABEL:
      g_value_set_string (value, self->place_label);
      break;

    case PROP_VENUE:
      g_value_set_string (value, self->venue);
      break;

    case PROP_HOST_LABEL:
      g_value_set_string (value, self->host_label);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_CHAIR:
      g_value_set_string (value, self->chair);
      break;

    case PROP_CO_CHAIR:
      g_value_set_string (value, self->co_chair);
      break;

    case PROP_SECRETARY:
      g_value_set_string (value, self->secretary);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_ATTENDANCE_LABEL:
      g_value_set_string (value, self->attendance_label);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_NUMBER:
      g_value_set_int (value, self->number);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_meeting_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IdkMeeting *self = IDK_MEETING (object);

  switch (prop_id)
    {
    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_MEETING_TYPE:
      self->meeting_type = g_value_dup_string (value);
      break;

    case PROP_START_DATE:
      self->start_date = g_value_dup_string (value);
      break;

    case PROP_END_DATE:
      self->end_date = g_value_dup_string (value);
      break;

    case PROP_DATES_LABEL:
      self->dates_label = g_value_dup_string (value);
      break;

    case PROP_PLACE_LABEL:
      self->place_label = g_value_dup_string (value);
      break;

    case PROP_VENUE:
      self->venue = g_value_dup_string (value);
      break;

    case PROP_HOST_LABEL:
      self->host_label = g_value_dup_string (value);
      break;

    case PROP_STATUS:
      self->status = g_value_dup_string (value);
      break;

    case PROP_CHAIR:
      self->chair = g_value_dup_string (value);
      break;

    case PROP_CO_CHAIR:
      self->co_chair = g_value_dup_string (value);
      break;

    case PROP_SECRETARY:
      self->secretary = g_value_dup_string (value);
      break;

    case PROP_SOURCE:
      self->source = g_value_dup_string (value);
      break;

    case PROP_ATTENDANCE_LABEL:
      self->attendance_label = g_value_dup_string (value);
      break;

    case PROP_SUMMARY:
      self->summary = g_value_dup_string (value);
      break;

    case PROP_NUMBER:
      self->number = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
idk_meeting_class_init (IdkMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = idk_meeting_finalize;
  object_class->get_property = idk_meeting_get_property;
  object_class->set_property = idk_meeting_set_property;

  /* The record UUID */
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* e.g. "21st IASMN session" */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* full-session, sg-session, … */
  properties[PROP_MEETING_TYPE] =
    g_param_spec_string ("meeting-type", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* ISO date, possibly month precision */
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* ISO date, possibly month precision */
  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The dates ready to show */
  properties[PROP_DATES_LABEL] =
    g_param_spec_string ("dates-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* City and country */
  properties[PROP_PLACE_LABEL] =
    g_param_spec_string ("place-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Building or institution */
  properties[PROP_VENUE] =
    g_param_spec_string ("venue", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Host organization */
  properties[PROP_HOST_LABEL] =
    g_param_spec_string ("host-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* planned, confirmed, held, cancelled */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Name of the chair */
  properties[PROP_CHAIR] =
    g_param_spec_string ("chair", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Name of the co-chair */
  properties[PROP_CO_CHAIR] =
    g_param_spec_string ("co-chair", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Name of the secretary */
  properties[PROP_SECRETARY] =
    g_param_spec_string ("secretary", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Where the data comes from */
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Participants listed or reported */
  properties[PROP_ATTENDANCE_LABEL] =
    g_param_spec_string ("attendance-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Dates and place on two lines, for lists */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Session number, 0 if none */
  properties[PROP_NUMBER] =
    g_param_spec_int ("number", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
idk_meeting_init (IdkMeeting *self)
{
}

const char *
idk_meeting_get_uuid (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), NULL);

  return self->uuid;
}

const char *
idk_meeting_get_title (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), NULL);

  return self->title;
}

const char *
idk_meeting_get_meeting_type (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), NULL);

  return self->meeting_type;
}

const char *
idk_meeting_get_start_date (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), NULL);

  return self->start_date;
}

const char *
idk_meeting_get_end_date (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), NULL);

  return self->end_date;
}

const char *
idk_meeting_get_dates_label (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), NULL);

  return self->dates_label;
}

const char *
idk_meeting_get_place_label (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), NULL);

  return self->place_label;
}

const char *
idk_meeting_get_venue (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), NULL);

  return self->venue;
}

const char *
idk_meeting_get_host_label (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), NULL);

  return self->host_label;
}

const char *
idk_meeting_get_status (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), NULL);

  return self->status;
}

const char *
idk_meeting_get_chair (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), NULL);

  return self->chair;
}

const char *
idk_meeting_get_co_chair (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), NULL);

  return self->co_chair;
}

const char *
idk_meeting_get_secretary (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), NULL);

  return self->secretary;
}

const char *
idk_meeting_get_source (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), NULL);

  return self->source;
}

const char *
idk_meeting_get_attendance_label (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), NULL);

  return self->attendance_label;
}

const char *
idk_meeting_get_summary (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), NULL);

  return self->summary;
}

int
idk_meeting_get_number (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), 0);

  return self->number;
}

/**
 * idk_meeting_is_cancelled:
 *
 * Returns: whether the meeting was called off (it stays in the calendar)
 */
gboolean
idk_meeting_is_cancelled (IdkMeeting *self)
{
  g_return_val_if_fail (IDK_IS_MEETING (self), FALSE);

  return g_strcmp0 (self->status, "cancelled") == 0;
}
