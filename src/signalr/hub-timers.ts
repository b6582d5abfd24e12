/** A started timer. */
export interface HubTimer {
  cancel(): void;
}

/** Where the hub's keep-alive and timeout timers come from: real time, never the mock clock; injected in tests. */
export interface HubTimers {
  start(ms: number, run: () => void): HubTimer;
}

/** Node's timers, unreferenced so that they never keep a process alive. */
export const REAL_TIMERS: HubTimers = {
  start(ms, run) {
    const timer = setTimeout(run, ms);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};
