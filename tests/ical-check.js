// SPDX-License-Identifier: GPL-3.0-or-later
// Parses an iCalendar file with Mozilla's ical.js and prints one JSON line
// per event (uid, summary, start, end, status, sequence, tzid), or the
// parse error and exit status 1.  Run by tests/test-ical.c.
'use strict';

const fs = require('fs');
const path = require('path');
const ICAL = require(path.resolve(process.env.IDK_NPM_DIR || '.', 'node_modules', 'ical.js'));

let calendar;
try {
  calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(process.argv[2], 'utf8')));
} catch (e) {
  console.log(JSON.stringify({ error: String(e) }));
  process.exit(1);
}

for (const zone of calendar.getAllSubcomponents('vtimezone'))
  ICAL.TimezoneService.register(zone);

for (const vevent of calendar.getAllSubcomponents('vevent')) {
  const event = new ICAL.Event(vevent);
  const start = vevent.getFirstProperty('dtstart');
  console.log(JSON.stringify({
    uid: event.uid,
    summary: event.summary,
    location: event.location,
    description: event.description,
    start: event.startDate.toString(),
    end: event.endDate.toString(),
    is_date: event.startDate.isDate,
    utc_start: event.startDate.isDate ? null : event.startDate.toUnixTime(),
    tzid: start.getParameter('tzid') || null,
    status: vevent.getFirstPropertyValue('status'),
    sequence: event.sequence,
  }));
}
