import { NotFoundError } from '@zhizhi/kernel/errors';

/** One message to one applicant, as an outbound channel gets it. */
export interface OutboundNotice {
  applicantKind: string;
  applicantRegistryId: string;
  titleZh: string;
  titleEn: string;
  /** The applicant's mobile number (their portal contact, else the registry's), when known. */
  phone: string | null;
  /** The applicant's email address from their portal contact, when given. */
  email: string | null;
}

/**
 * Sends applicants' messages beyond the in-app inbox (SMS, email). A throw marks the delivery
 * failed (recorded on the message, never retried into a loop); `services.notice.no_contact` marks
 * it as having nowhere to go.
 */
export interface NoticeChannel {
  name: string;
  send(message: OutboundNotice): Promise<void>;
}

/**
 * An SMS or email gateway reached over HTTP: POSTs `{ channel, phone | email, text }` as JSON with
 * an optional bearer token and expects a 2xx. The text carries the title only, never form values.
 */
export function httpGatewayChannel(options: {
  name: string;
  /** Which contact the gateway delivers to (default: the phone, for SMS). */
  to?: 'phone' | 'email';
  url: string;
  token?: string;
  /** Seconds before giving up on the gateway. */
  timeoutSeconds?: number;
  fetch?: typeof fetch;
}): NoticeChannel {
  const send = options.fetch ?? fetch;
  return {
    name: options.name,
    async send(message) {
      const to = options.to ?? 'phone';
      const address = message[to];
      if (!address) throw new NotFoundError('services.notice.no_contact', `No ${to} on record.`);
      const response = await send(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({
          channel: options.name,
          [to]: address,
          text: `【一网通办】${message.titleZh}`,
        }),
        signal: AbortSignal.timeout((options.timeoutSeconds ?? 10) * 1000),
      });
      if (!response.ok) throw new Error(`gateway answered ${response.status}`);
    },
  };
}
