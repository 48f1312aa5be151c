// Generates rules/compute/lunar-months.generated.ts: the first day of every Vietnamese lunar month (UTC+7)
// from the one holding 1968-01-01 to the last of the lunar year that begins in 2100.
//
// The rules are Hồ Ngọc Đức's ("Thuật toán tính âm lịch", the rules of the Vietnamese calendar):
//   1. a month begins on the local day (UTC+7) of a new moon;
//   2. month 11 is the month holding the winter solstice (the sun at 270°);
//   3. when there are 13 new moons from one month 11 up to the next (a winter-solstice year, "năm
//      nhuận", of 13 months), the first month after month 11 that holds no principal term (the sun's
//      longitude passes no multiple of 30° in it) is the leap month, named after the month before it;
//      only the first such month, and only in a 13-month year (a 12-month year has no leap month even
//      if one of its months holds no principal term).
// Hồ Ngọc Đức's published program finds the new moons and the sun's longitude with truncated series,
// which put a few new moons close to midnight on the wrong day. His own tables were made with the full
// astronomy; so is this one: new moons with Meeus's full series (astronomia's moonphase, ch. 49), the
// sun's apparent longitude with VSOP87 (astronomia's solar.apparentVSOP87), and ΔT (TT − UT) with
// astronomia's deltat. The day a month begins, and whether a month holds a principal term, are decided
// at local midnight (UTC+7), as in the algorithm.
//
// The runtime converts with this table alone, so a command that counts days loads no astronomy.
// `npm run gen:lunar` writes it; tests/rules/compute/lunar.test.ts checks every day 1968–2100 against
// two independent implementations and lists, with the astronomy, the days where those disagree.
//
// astronomia is date-chinese's own dependency (installed with it); date-chinese is not used because its
// Vietnamese calendar puts a second leap month in 2033 and 2052 (see the test).
import { moonphase, deltat, solar, planetposition } from 'astronomia';
import vsop87Bearth from 'astronomia/data/vsop87Bearth';
import { writeFileSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TZ = 7 / 24;
const earth = new planetposition.Planet(vsop87Bearth);
/** Julian day number of 1970-01-01. */
const UNIX_JDN = 2440588;
const DAY = 86_400_000;
const iso = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const decimalYear = (jd) => 2000 + (jd - 2451545) / 365.25;

/** The moment (Julian date, UT) of new moon number k, counted from the one of 2000-01-06. */
function newMoonUT(k) {
  const jde = moonphase.newMoon(2000 + k / 12.3685);
  return jde - deltat.deltaT(decimalYear(jde)) / 86400;
}

/** The local (UTC+7) civil day of a UT moment, as days since 1970-01-01. */
const localDay = (jdUT) => Math.floor(jdUT + TZ + 0.5) - UNIX_JDN;

/** The sun's apparent longitude, in degrees, at local midnight beginning a day (days since 1970). */
function sunAtMidnight(day) {
  const jdUT = day + UNIX_JDN - 0.5 - TZ;
  const jde = jdUT + deltat.deltaT(decimalYear(jdUT)) / 86400;
  return (solar.apparentVSOP87(earth, jde).lon * 180) / Math.PI;
}

/** The principal-term sector (0–11) the sun is in at the midnight beginning a day. */
const sector = (day) => Math.floor(sunAtMidnight(day) / 30) % 12;

/** Minutes between a UT moment and the nearest local midnight: how close a call a new moon's day is. */
function minutesFromMidnight(jdUT) {
  const local = jdUT + TZ + 0.5;
  const f = local - Math.floor(local);
  return Math.min(f, 1 - f) * 1440;
}

export function lunarMonths() {
  // Every new moon from late 1965 to 2102, as [k, local day, UT moment].
  const kFirst = Math.floor((1965.8 - 2000) * 12.3685);
  const kLast = Math.ceil((2102.2 - 2000) * 12.3685);
  const moons = [];
  for (let k = kFirst; k <= kLast; k++) {
    const ut = newMoonUT(k);
    moons.push({ k, day: localDay(ut), ut });
  }
  // Month 11 of each year: the month whose first midnight has the sun before 270° and whose next month's
  // first midnight has it at or past 270° (it holds the solstice).
  const month11 = new Map();
  for (let i = 0; i + 1 < moons.length; i++) {
    const a = sunAtMidnight(moons[i].day);
    const b = sunAtMidnight(moons[i + 1].day);
    if (a < 270 && a > 180 && (b >= 270 || b < 90)) month11.set(new Date(moons[i].day * DAY).getUTCFullYear(), i);
  }
  const months = [];
  const closeCalls = [];
  for (let year = 1966; year <= 2100; year++) {
    const a11 = month11.get(year);
    const b11 = month11.get(year + 1);
    if (a11 === undefined || b11 === undefined) throw new Error(`no month 11 for ${year} or ${year + 1}`);
    const length = b11 - a11; // 12 or 13 months from month 11 to the next month 11
    let leapAt = -1;
    if (length === 13) {
      for (let i = 1; i < 13; i++) {
        if (sector(moons[a11 + i].day) === sector(moons[a11 + i + 1].day)) {
          leapAt = i;
          break;
        }
      }
      if (leapAt < 0) throw new Error(`13-month year from ${year} without a month lacking a principal term`);
    } else if (length !== 12) throw new Error(`${length} months from month 11 of ${year}`);
    let month = 11;
    for (let i = 0; i < length; i++) {
      const leap = i === leapAt;
      if (i > 0 && !leap) month = (month % 12) + 1;
      // Months 11 and 12 (and a leap 11 or 12) belong to the lunar year that began in `year`.
      const lunarYear = month >= 11 ? year : year + 1;
      const m = moons[a11 + i];
      months.push([m.day, lunarYear, month, leap ? 1 : 0]);
      const off = minutesFromMidnight(m.ut);
      if (off < 30) closeCalls.push(`${iso(m.day)} (${lunarYear}/${month}${leap ? 'L' : ''}): new moon ${off.toFixed(1)} min from midnight`);
    }
  }
  // From the month holding 1968-01-01 to the last month of the lunar year beginning in 2100.
  const first = Date.UTC(1968, 0, 1) / DAY;
  let from = months.findIndex((m, i) => m[0] <= first && months[i + 1][0] > first);
  const to = months.findIndex((m) => m[1] === 2101);
  return { months: months.slice(from, to), end: months[to][0], closeCalls: closeCalls.filter((c) => c >= '1967-12' && c < '2101-02') };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { months, end, closeCalls } = lunarMonths();
  const rows = months.map(([n, y, m, leap]) => `[${n},${y},${m},${leap}]`);
  const lines = [];
  for (let i = 0; i < rows.length; i += 8) lines.push('  ' + rows.slice(i, i + 8).join(', ') + ',');
  const text = `/* Generated by scripts/gen-lunar.mjs (Hồ Ngọc Đức's rules at UTC+7, new moons and solar longitude from astronomia). Do not edit: run \`npm run gen:lunar\`. */

/**
 * The first day of every lunar month from the one holding 1968-01-01 (${iso(months[0][0])}) to the last
 * of the lunar year beginning in 2100: [days since 1970-01-01, the Gregorian year in which that
 * lunar year begins, month, 1 for a leap month].
 */
export const LUNAR_MONTHS: readonly (readonly [day: number, year: number, month: number, leap: 0 | 1])[] = [
${lines.join('\n')}
];

/** The day after the last month's end (${iso(end)}, Tết of the lunar year 2101), in days since 1970-01-01. */
export const LUNAR_MONTHS_END = ${end};
`;
  const target = fileURLToPath(new URL('../rules/compute/lunar-months.generated.ts', import.meta.url));
  writeFileSync(`${target}.tmp`, text);
  renameSync(`${target}.tmp`, target);
  console.log(`wrote rules/compute/lunar-months.generated.ts: ${months.length} months, ${iso(months[0][0])} to ${iso(months.at(-1)[0])}`);
  console.log(`new moons within 30 minutes of local midnight (UTC+7):\n  ${closeCalls.join('\n  ')}`);
}
