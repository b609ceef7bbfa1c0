/** Events of the sensing module (declared on the kernel's EventMap). */
declare module '@zhizhi/kernel/events' {
  interface EventMap {
    /**
     * An alarm at or above the configured severity was raised. Follows governance's intake
     * convention (categoryCode, description, location, divisionCode, departmentCode, externalId),
     * so it becomes an event case for the station's owner department.
     */
    'sensing.alarm.raised': {
      alarmId: string;
      externalId: string;
      type: string;
      severity: string;
      stationId: string;
      stationCode: string;
      categoryCode: string;
      description: string;
      location: { lng: number; lat: number };
      divisionCode: string;
      departmentCode: string;
    };
    /** An alarm was acknowledged or cleared; `note` goes on its case. */
    'sensing.alarm.updated': {
      alarmId: string;
      externalId: string;
      change: 'acknowledged' | 'cleared' | 'escalated';
      note: string;
    };
    /** Declared by governance too (identically): an alarm became an event case. */
    'governance.report.accepted': {
      externalId: string;
      caseId: string;
      number: string;
      sourceEventType: string;
    };
    /** A township's multi-hazard warning level changed (bulletin issued). */
    'sensing.warning.changed': { bulletinId: string; highestLevel: number; townships: string[] };
  }
}

export {};
