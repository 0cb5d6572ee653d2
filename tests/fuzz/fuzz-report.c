/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "idk-core.h"

/* libFuzzer harness: the report importer, from bytes to proposals and
 * their JSON, with a lexicon of a few names and meetings.  It must refuse
 * or read every input without a crash, a leak, undefined behaviour or
 * unbounded work. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static IdkReportLexicon *
lexicon (void)
{
  static IdkReportLexicon *lexicon;

  if (lexicon == NULL)
    {
      lexicon = idk_report_lexicon_new ();
      idk_report_lexicon_add_name (lexicon, IDK_REPORT_NAME_ORGANIZATION, "00000000-0000-4000-8000-000000000001",
                                   "UNDSS", "UNDSS");
      idk_report_lexicon_add_name (lexicon, IDK_REPORT_NAME_ORGANIZATION, "00000000-0000-4000-8000-000000000001",
                                   "UNDSS", "Department of Safety and Security");
      idk_report_lexicon_add_name (lexicon, IDK_REPORT_NAME_ORGANIZATION, "00000000-0000-4000-8000-000000000002",
                                   "PPCU", "UNDSS/PPCU");
      idk_report_lexicon_add_name (lexicon, IDK_REPORT_NAME_ORGANIZATION, "00000000-0000-4000-8000-000000000003",
                                   "UN Women", "UN Women");
      idk_report_lexicon_add_name (lexicon, IDK_REPORT_NAME_WORKING_GROUP, "00000000-0000-4000-8000-000000000004",
                                   "STWG", "Security Training Working Group");
      idk_report_lexicon_add_meeting (lexicon, "00000000-0000-4000-8000-000000000005", "sg-session", 0,
                                      "2018-05-08", "Istanbul");
      idk_report_lexicon_add_meeting (lexicon, "00000000-0000-4000-8000-000000000006", "full-session", 28,
                                      "2018-06-19", "Montreux");
    }
  return lexicon;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IdkReportText) text = idk_report_text_new ((const char *) data, size, &error);
  g_autoptr(IdkReport) report = NULL;
  g_autoptr(JsonNode) json = NULL;

  if (text == NULL)
    return 0;
  report = idk_report_new (text, lexicon ());
  json = idk_report_to_json (report);
  return 0;
}
