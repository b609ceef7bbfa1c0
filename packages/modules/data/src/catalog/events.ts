/** Events of the data catalog (declared on the kernel's EventMap). */
declare module '@zhizhi/kernel/events' {
  interface EventMap {
    /** A data resource was registered in the catalog. */
    'data.resource.registered': { resourceId: string; code: string; providerDepartmentId: string };
    /** A resource was edited; `changed` names the catalog fields (and `items`) that changed. */
    'data.resource.updated': {
      resourceId: string;
      code: string;
      providerDepartmentId: string;
      changed: string[];
    };
    /** A resource was retired (撤销): no longer shared or opened. */
    'data.resource.retired': {
      resourceId: string;
      code: string;
      providerDepartmentId: string;
      reason: string;
    };
  }
}

export {};
