import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

const directives = {
  defaultSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  scriptSrc: ["'self'"],
  connectSrc: ["'self'"],
};

describe('security headers computed once', () => {
  it('plain-HTTP intranet: no upgrade-insecure-requests, no HSTS; the rest of helmet’s defaults', () => {
    expect(
      securityHeaders({
        contentSecurityPolicy: { directives: { ...directives, upgradeInsecureRequests: null } },
        strictTransportSecurity: false,
      }),
    ).toEqual({
      'content-security-policy':
        "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data: blob:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    });
  });

  it('behind HTTPS: upgrade-insecure-requests and HSTS', () => {
    const h = securityHeaders({
      contentSecurityPolicy: { directives: { ...directives, upgradeInsecureRequests: [] } },
      strictTransportSecurity: true,
    });
    expect(h['content-security-policy']).toContain(';upgrade-insecure-requests;');
    expect(h['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
