// date-chinese ships types, but its package.json "exports" has no "types" condition, so NodeNext
// resolution cannot find them. This declares the part of its API that lunar.ts uses.
declare module 'date-chinese' {
  export class CalendarChinese {
    constructor();
    set(cycle: number, year: number, month: number, leap: boolean, day: number): this;
    get(): [number, number, number, boolean, number];
    fromGregorian(year: number, month: number, day: number): this;
    fromJDE(jde: number): this;
    toGregorian(gyear: number): { year: number; month: number; day: number };
    newYear(gyear: number): number;
  }
  export class CalendarVietnamese extends CalendarChinese {}
}
