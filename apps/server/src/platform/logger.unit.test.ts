import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { REDACT_PATHS } from './logger';

describe('log redaction', () => {
  it('never writes ID numbers, phones, addresses or passwords', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const log = pino({ redact: { paths: REDACT_PATHS, censor: '[已脱敏]' } }, sink);
    log.info(
      {
        party: { idNumber: '420302199001011234', phone: '13800138000', address: '随州市曾都区某街1号' },
        body: { password: 'Secret#123456' },
      },
      'intake',
    );
    const out = lines.join('');
    expect(out).not.toContain('420302199001011234');
    expect(out).not.toContain('13800138000');
    expect(out).not.toContain('某街1号');
    expect(out).not.toContain('Secret#123456');
    expect(out).toContain('[已脱敏]');
  });
});
