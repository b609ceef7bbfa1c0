/** Events of the governance event intake (declared on the kernel's EventMap). */
declare module '@zhizhi/kernel/events' {
  interface EventMap {
    /** Another module's event became an event case (`externalId` is the one it gave, or derived). */
    'governance.report.accepted': {
      externalId: string;
      caseId: string;
      number: string;
      sourceEventType: string;
    };
  }
}

export {};
