import { describe, expect, it } from 'vitest';
import { DEMO_USERS, localBaseUrl, startBanner } from '../../src/start-banner.js';

describe('the start banner', () => {
  it('names localhost for a loopback or wildcard interface, the interface itself otherwise', () => {
    expect(localBaseUrl({ address: '127.0.0.1', family: 'IPv4', port: 44100 })).toBe('http://localhost:44100');
    expect(localBaseUrl({ address: '0.0.0.0', family: 'IPv4', port: 3978 })).toBe('http://localhost:3978');
    expect(localBaseUrl({ address: '::', family: 'IPv6', port: 3978 })).toBe('http://localhost:3978');
    expect(localBaseUrl({ address: '192.168.1.20', family: 'IPv4', port: 3978 })).toBe('http://192.168.1.20:3978');
    expect(localBaseUrl({ address: 'fe80::1', family: 'IPv6', port: 3978 })).toBe('http://[fe80::1]:3978');
  });

  it('lists each demo role’s web chat, then the health check, in French', () => {
    const banner = startBanner('http://localhost:3978', true);
    for (const { user, role } of DEMO_USERS) expect(banner).toMatch(new RegExp(`${role.replace(/[()]/g, '\\$&')} +http://localhost:3978/\\?user=${user}\\n`));
    expect(banner).toContain('État du bot : http://localhost:3978/healthz');
  });

  it('with app credentials (no web chat), gives no ?user= address', () => {
    const banner = startBanner('http://localhost:3978', false);
    expect(banner).not.toContain('?user=');
    expect(banner).toContain('/healthz');
  });
});
