/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "idk-calendar-view"

#include "config.h"

#include <glib/gi18n.h>

#include "idk-calendar-view.h"
#include "idk-details.h"

/* The meetings, newest first, and the page of the selected meeting: its
 * facts, agenda by day, documents and participants. */

struct _IdkCalendarView
{
  IdkSplitView parent_instance;
};

G_DEFINE_FINAL_TYPE (IdkCalendarView, idk_calendar_view, IDK_TYPE_SPLIT_VIEW)

static GListModel *
idk_calendar_view_load (IdkSplitView  *self,
                        const char    *search,
                        GError       **error)
{
  IdkMeetingQuery query = { .search = search };

  return idk_store_find_meetings (idk_split_view_get_store (self), &query, error);
}

static void
idk_calendar_view_show_item (IdkSplitView *self,
                             gpointer      item,
                             GtkBox       *details)
{
  IdkMeeting *meeting = item;
  IdkStore *store = idk_split_view_get_store (self);
  const char *uuid = idk_meeting_get_uuid (meeting);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GListModel) participants = NULL;
  GtkWidget *heading, *pills, *facts;

  heading = idk_details_add_heading (details, idk_meeting_get_title (meeting),
                                     idk_meeting_type_to_label (idk_meeting_get_meeting_type (meeting)));
  pills = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (pills),
                  idk_details_pill_new (idk_meeting_status_to_label (idk_meeting_get_status (meeting)),
                                        idk_meeting_get_status (meeting)));
  gtk_box_append (GTK_BOX (heading), pills);

  facts = idk_details_add_section (details, _("Details"));
  idk_details_add_fact (facts, _("Dates"), idk_meeting_get_dates_label (meeting));
  idk_details_add_fact (facts, _("Place"), idk_meeting_get_place_label (meeting));
  idk_details_add_fact (facts, _("Venue"), idk_meeting_get_venue (meeting));
  idk_details_add_fact (facts, _("Host"), idk_meeting_get_host_label (meeting));
  idk_details_add_fact (facts, _("Chair"), idk_meeting_get_chair (meeting));
  idk_details_add_fact (facts, _("Co-Chair"), idk_meeting_get_co_chair (meeting));
  idk_details_add_fact (facts, _("Secretary"), idk_meeting_get_secretary (meeting));
  idk_details_add_fact (facts, _("Attendance"), idk_meeting_get_attendance_label (meeting));
  idk_details_add_fact (facts, _("Source"), idk_meeting_get_source (meeting));

  if ((agenda = idk_store_list_agenda (store, uuid, &error)))
    idk_split_view_add_entries (self, details, agenda, FALSE);
  if ((documents = idk_store_list_documents (store, uuid, &error)))
    idk_split_view_add_entries (self, details, documents, FALSE);
  if ((participants = idk_store_list_participants (store, uuid, &error)))
    idk_split_view_add_entries (self, details, participants, FALSE);

  if (error != NULL)
    g_warning ("Cannot show the meeting %s: %s", uuid, error->message);
}

static const char *
idk_calendar_view_item_uuid (gpointer item)
{
  return idk_meeting_get_uuid (item);
}

static void
idk_calendar_view_class_init (IdkCalendarViewClass *klass)
{
  IdkSplitViewClass *split_class = IDK_SPLIT_VIEW_CLASS (klass);

  split_class->load = idk_calendar_view_load;
  split_class->show_item = idk_calendar_view_show_item;
  split_class->item_uuid = idk_calendar_view_item_uuid;

  g_type_ensure (IDK_TYPE_MEETING);
}

static void
idk_calendar_view_init (IdkCalendarView *self)
{
  idk_split_view_set_row_resource (IDK_SPLIT_VIEW (self), "/io/github/iasmndesk/Desk/idk-meeting-row.ui");
  idk_split_view_set_texts (IDK_SPLIT_VIEW (self),
                            _("Search meetings, places, hosts"),
                            _("Meetings"),
                            _("No meeting matches the search."));
}
