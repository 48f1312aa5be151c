import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { calendarsOf, loadCalendarFile } from '../../../rules/load/calendar-file.js';
import { loadCatalogue } from '../../../rules/load/catalogue.js';
import { validateCatalogue } from '../../../rules/validate/index.js';
import { checkCalendar } from '../../../rules/load/calendar.js';
import { cleanupCatalogues, makeCatalogue, version, versionPath } from '../../helpers/catalogue.js';
import { VN_CALENDAR_FILE, vnCalendarData } from '../../helpers/calendar.js';

afterAll(cleanupCatalogues);

describe('calendar files in a catalogue', () => {
  it('the bundled calendar loads clean and is found by id', async () => {
    const { data, diagnostics } = await loadCalendarFile(VN_CALENDAR_FILE);
    expect(diagnostics).toEqual([]);
    expect(data?.id).toBe('vn');
    expect(checkCalendar(vnCalendarData(), 'vn')).toEqual([]);
  });

  it('reports schema errors at their line and column, and leaves the calendar out', async () => {
    const text = (await readFile(VN_CALENDAR_FILE, 'utf8')).replace('"cutoff": "15:00"', '"cutoff": "3pm"');
    const dir = await makeCatalogue({ [versionPath(version())]: version(), 'calendars/vn.json': text });
    const { catalogue, diagnostics } = await loadCatalogue(dir);
    const line = text.split('\n').findIndex((l) => l.includes('"3pm"')) + 1;
    const column = text.split('\n')[line - 1]!.indexOf('"3pm"') + 1;
    expect(diagnostics.map((d) => [path.basename(d.file), d.line, d.column, d.pointer, d.ruleId])).toEqual([['vn.json', line, column, '/office/cutoff', 'schema/pattern']]);
    expect(diagnostics[0]?.message).toMatch(/^Expected a valid ClockTime, found string "3pm"/);
    expect(calendarsOf(catalogue).size).toBe(0);
  });

  it('checks what the schema cannot: make-up days, overlapping hours, the id and unknown rules', async () => {
    const data = vnCalendarData();
    data.office.hours = [{ from: '08:00', to: '12:00' }, { from: '11:30', to: '17:00' }];
    data.announcements[0]!.days.push({ date: '2019-01-07', kind: 'lam_bu', reason: 'làm bù' });
    data.announcements[7]!.pending![0]!.rule = 'quoc-khanh-2';
    const dir = await makeCatalogue({ [versionPath(version())]: version(), 'calendars/hcm.json': data });
    const result = await validateCatalogue(dir);
    expect(result.diagnostics.filter((d) => d.file.endsWith('hcm.json')).map((d) => [d.pointer, d.ruleId])).toEqual([
      ['/id', 'calendar/id-matches-file'],
      ['/office/hours/1/from', 'calendar/office-hours'],
      ['/announcements/0/days/15/kind', 'calendar/make-up-day'],
      ['/announcements/7/pending/0/rule', 'calendar/unknown-rule'],
    ]);
    expect(result.errors).toBe(4);
    const makeUp = result.diagnostics.find((d) => d.ruleId === 'calendar/make-up-day');
    expect(makeUp?.message).toBe('2019-01-07 is a Monday, already a working day: a make-up day (lam_bu) must be a weekly rest day.');
    expect(makeUp?.line).toBeGreaterThan(1);
  });
});
