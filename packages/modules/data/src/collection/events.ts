/** Events of data collection (declared on the kernel's EventMap). */
declare module '@zhizhi/kernel/events' {
  interface EventMap {
    /** A load finished and its rows replaced the resource's current rows. */
    'data.load.completed': {
      resourceId: string;
      loadId: string;
      version: number;
      passRate: number;
      /** Failed checks in the load (counts only). */
      findings: number;
    };
  }
}

export {};
