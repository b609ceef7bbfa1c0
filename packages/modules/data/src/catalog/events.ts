/** Events of the data catalog (declared on the kernel's EventMap). */
declare module '@zhizhi/kernel/events' {
  interface EventMap {
    /** A data resource was registered in the catalog. */
    'data.resource.registered': { resourceId: string; code: string; providerDepartmentId: string };
  }
}

export {};
