/** Events the org service publishes (declared on the kernel's EventMap). */
declare module '../events/event-bus' {
  interface EventMap {
    /** A division took a new name from a date; the code stays. */
    'org.division.renamed': { code: string; from: string; to: string; effectiveFrom: string };
    /** A grid got a new grid worker (or lost one: `to` null). Case routing listens to this. */
    'org.grid.worker_changed': {
      gridId: string;
      gridCode: string;
      villageCode: string;
      from: string | null;
      to: string | null;
    };
  }
}

export {};
