// Imports the official days off of each year into catalogue/calendars/vn.json, faithfully: the
// days, notes, sources and confirmed flag as published in the shared file. The `pending` items of
// an unconfirmed year (the dates its open items may affect) are ours and are kept.
// Usage: node scripts/import-days-off.mjs [shared-file] [calendar-file]
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const sharedPath = process.argv[2] ?? `${root}../shared/calendar/vn-official-days-off.json`;
const calendarPath = process.argv[3] ?? `${root}catalogue/calendars/vn.json`;

const shared = JSON.parse(await readFile(sharedPath, 'utf8'));
const calendar = JSON.parse(await readFile(calendarPath, 'utf8'));
const pendingByYear = new Map((calendar.announcements ?? []).filter((a) => a.pending).map((a) => [a.year, a.pending]));

calendar.announcements = shared.years
  .map((y) => {
    const announcement = { year: y.year, confirmed: y.confirmed, notes: y.notes, days: y.days, sources: y.sources };
    const pending = pendingByYear.get(y.year);
    if (pending) announcement.pending = pending;
    return announcement;
  })
  .sort((a, b) => a.year - b.year);

await writeFile(calendarPath, JSON.stringify(calendar, null, 2).normalize('NFC') + '\n');
console.log(`wrote ${calendar.announcements.length} announcements (${calendar.announcements.map((a) => a.year).join(', ')}) to ${calendarPath}`);
