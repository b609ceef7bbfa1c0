/** Events of the sharing gateway (declared on the kernel's EventMap). */
declare module '@zhizhi/kernel/events' {
  interface EventMap {
    /** A consumer department asked for a resource (or a renewal). */
    'data.share.requested': {
      requestId: string;
      resourceId: string;
      consumerDepartmentId: string;
      providerDepartmentId: string;
      kind: 'new' | 'renewal';
    };
    /** The provider approved: the grant is the policy (or a renewal extended it). */
    'data.share.approved': { requestId: string; grantId: string; consumerDepartmentId: string };
    'data.share.rejected': { requestId: string; consumerDepartmentId: string };
    /** A grant was revoked; its key stops working at once. */
    'data.share.revoked': { grantId: string; consumerDepartmentId: string };
  }
}

export {};
