/** Monday on or before `day` (day 0, 1970-01-01, was a Thursday). */
export function mondayOnOrBefore(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}
