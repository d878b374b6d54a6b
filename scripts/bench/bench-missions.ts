/** The home screen the issue asks to time holds this many missions. */
export const BENCH_MISSION_COUNT = 50;

/** Zero-padded so that searching one full title matches that mission alone. */
export function benchMissionTitle(index: number): string {
  return `Diagnostic territorial ${String(index + 1).padStart(3, '0')}`;
}
