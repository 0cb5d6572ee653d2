/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-time-zone"

#include "config.h"

#include <libical/ical.h>

#include "idk-time-zone.h"

/* The IANA zones of the cities where the UNSMS meets: those of the
 * reports, and the duty stations that host its meetings.  A meeting can
 * name its zone itself (its time_zone field); this only suggests one. */
static const struct
{
  const char *city;
  const char *zone;
} cities[] = {
  { "Addis Ababa", "Africa/Addis_Ababa" },
  { "Amman", "Asia/Amman" },
  { "Arusha", "Africa/Dar_es_Salaam" },
  { "Bangkok", "Asia/Bangkok" },
  { "Bogota", "America/Bogota" },
  { "Bogotá", "America/Bogota" },
  { "Bonn", "Europe/Berlin" },
  { "Brindisi", "Europe/Rome" },
  { "Budapest", "Europe/Budapest" },
  { "Cairo", "Africa/Cairo" },
  { "Copenhagen", "Europe/Copenhagen" },
  { "Dakar", "Africa/Dakar" },
  { "Geneva", "Europe/Zurich" },
  { "Genève", "Europe/Zurich" },
  { "Istanbul", "Europe/Istanbul" },
  { "Kuala Lumpur", "Asia/Kuala_Lumpur" },
  { "London", "Europe/London" },
  { "Madrid", "Europe/Madrid" },
  { "Manila", "Asia/Manila" },
  { "Montreal", "America/Toronto" },
  { "Montreux", "Europe/Zurich" },
  { "Nairobi", "Africa/Nairobi" },
  { "New York", "America/New_York" },
  { "Panama", "America/Panama" },
  { "Paris", "Europe/Paris" },
  { "Rome", "Europe/Rome" },
  { "Santiago", "America/Santiago" },
  { "The Hague", "Europe/Amsterdam" },
  { "Turin", "Europe/Rome" },
  { "Vienna", "Europe/Vienna" },
  { "Washington", "America/New_York" },
};

/**
 * idk_time_zone_for_city:
 *
 * Returns: (nullable): the IANA zone of @city, if it is one the app knows
 */
const char *
idk_time_zone_for_city (const char *city)
{
  if (city == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    if (g_ascii_strcasecmp (cities[i].city, city) == 0 ||
        g_utf8_collate (cities[i].city, city) == 0)
      return cities[i].zone;

  return NULL;
}

/**
 * idk_time_zone_is_known:
 *
 * Returns: whether @zone is an IANA zone this machine can describe (in a
 *   calendar's VTIMEZONE)
 */
gboolean
idk_time_zone_is_known (const char *zone)
{
  return zone != NULL && icaltimezone_get_builtin_timezone (zone) != NULL;
}
