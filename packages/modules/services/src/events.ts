/** Events of the services module (declared on the kernel's EventMap). */
declare module '@zhizhi/kernel/events' {
  interface EventMap {
    /** A draft became an application: the overall case and one child case per matter are open. */
    'services.application.submitted': {
      applicationId: string;
      number: string;
      caseId: string;
      bundleCode: string | null;
      matterCodes: string[];
      channel: string;
      divisionCode: string;
    };
    /** Every matter of the application is decided. */
    'services.application.concluded': { applicationId: string; number: string | null; status: string };
    /** A certificate (电子证照) was issued on approval, with its signed code. */
    'services.certificate.issued': {
      certificateId: string;
      number: string;
      type: string;
      applicationId: string;
      matterCode: string;
    };
    /** The applicant rated the service (好差评); a bad rating names the rectification case. */
    'services.rating.recorded': {
      applicationId: string;
      round: number;
      overall: number;
      departmentCodes: string[];
      rectificationCaseId: string | null;
    };
  }
}

export {};
