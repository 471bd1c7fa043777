import { maskPhone } from '@onestop/domain';
import type { FastifyBaseLogger } from 'fastify';

/** One outgoing SMS. `to` is the decrypted phone number; providers must never log it unmasked. */
export interface OutgoingMessage {
  id: string;
  to: string;
  body: string;
  template: string;
}

/**
 * Where SMS go. Throwing means "not sent": the job queue retries with back-off. `delivered: false`
 * means the provider only recorded the message (no gateway): the message is marked 'logged'.
 */
export interface NotificationProvider {
  readonly name: string;
  send(msg: OutgoingMessage): Promise<{ ref: string; delivered?: boolean }>;
}

/**
 * Default when no gateway is configured (demo, tests): writes one masked line to the application log
 * instead of sending. Such messages are 'logged', shown to staff as NOT delivered.
 */
export class LoggingProvider implements NotificationProvider {
  readonly name = 'log';
  constructor(private readonly log: FastifyBaseLogger) {}

  async send(msg: OutgoingMessage): Promise<{ ref: string; delivered: boolean }> {
    this.log.info(
      { notificationId: msg.id, to: maskPhone(msg.to), template: msg.template, chars: msg.body.length },
      'sms (logged, not sent)',
    );
    return { ref: `log:${msg.id}`, delivered: false };
  }
}

/** POSTs the message as JSON to an SMS gateway; any 2xx is success, its JSON `ref`/`id` kept. */
export class HttpProvider implements NotificationProvider {
  readonly name = 'http';
  constructor(
    private readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(msg: OutgoingMessage): Promise<{ ref: string }> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: msg.id, to: msg.to, body: msg.body, template: msg.template }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}: ${text.slice(0, 200)}`);
    let ref = `http:${msg.id}`;
    try {
      const body = JSON.parse(text) as { ref?: unknown; id?: unknown };
      if (typeof body.ref === 'string') ref = body.ref;
      else if (typeof body.id === 'string') ref = body.id;
    } catch {
      /* a gateway answering plain text is fine */
    }
    return { ref };
  }
}

export function providerFromConfig(
  config: { smsProvider: 'log' | 'http'; smsHttpUrl: string | undefined },
  log: FastifyBaseLogger,
): NotificationProvider {
  if (config.smsProvider === 'http' && config.smsHttpUrl) return new HttpProvider(config.smsHttpUrl);
  return new LoggingProvider(log);
}
