/** A .NET TimeSpan text (`00:00:00.0001234`) of a duration in milliseconds, as the health check writes durations. */
export function timeSpan(ms: number): string {
  const ticks = Math.round(ms * 10_000);
  const seconds = Math.floor(ticks / 10_000_000);
  const fraction = String(ticks % 10_000_000).padStart(7, '0');
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}.${fraction}`;
}
