import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isKernelError } from '@zhizhi/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpGatewayChannel, type OutboundNotice } from './notice-channels';

const notice: OutboundNotice = {
  applicantKind: 'citizen',
  applicantRegistryId: '00000000-0000-7000-8000-000000000001',
  titleZh: '户外招牌设置：准予许可',
  titleEn: 'Approved',
  phone: '19900000001',
  email: null,
};

describe('the HTTP SMS gateway channel', () => {
  let server: Server;
  let url: string;
  const received: { auth: string | undefined; body: unknown }[] = [];
  let status = 200;
  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ auth: request.headers.authorization, body: JSON.parse(body) });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts the title to the phone with the token, and only that', async () => {
    await httpGatewayChannel({ name: 'sms', url, token: 'gateway-token' }).send(notice);
    expect(received.at(-1)).toEqual({
      auth: 'Bearer gateway-token',
      body: { channel: 'sms', phone: '19900000001', text: '【一网通办】户外招牌设置：准予许可' },
    });
  });

  it('sends to the email address through an email gateway', async () => {
    await httpGatewayChannel({ name: 'email', to: 'email', url }).send({
      ...notice,
      email: 'wang@example.com',
    });
    expect(received.at(-1)?.body).toEqual({
      channel: 'email',
      email: 'wang@example.com',
      text: '【一网通办】户外招牌设置：准予许可',
    });
  });

  it('fails on a gateway error, and says so when there is no number', async () => {
    status = 503;
    await expect(httpGatewayChannel({ name: 'sms', url }).send(notice)).rejects.toThrow('503');
    const error = await httpGatewayChannel({ name: 'sms', url })
      .send({ ...notice, phone: null })
      .catch((e) => e);
    expect(isKernelError(error) && error.code).toBe('services.notice.no_contact');
  });
});
