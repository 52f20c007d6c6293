import { describe, expect, it } from 'vitest';
import net from 'node:net';
import dgram from 'node:dgram';
import dns from 'node:dns';
import { lookup as importedLookup } from 'node:dns/promises';
import { GUARD_CODE } from './loopback-only';

describe('the tests’ own network guard', () => {
  it('refuses a connection outside loopback before any packet is sent', () => {
    expect(() => net.connect({ host: '93.184.216.34', port: 80 })).toThrow(/network guard/);
    expect(() => net.connect(443, 'example.com')).toThrow(/network guard/);
    expect(() => net.connect({ host: '2606:4700::1', port: 443 })).toThrow(/network guard/);
  });

  it('lets loopback through', async () => {
    const server = net.createServer((s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve, reject) => net.connect({ host: '127.0.0.1', port }, resolve).on('error', reject));
    server.close();
  });

  it('refuses DNS lookups and queries that would reach a name server', async () => {
    const viaCallback = await new Promise<NodeJS.ErrnoException | null>((r) => dns.lookup('example.com', (err) => r(err)));
    expect(viaCallback?.code).toBe(GUARD_CODE);
    await expect(dns.promises.lookup('example.com')).rejects.toMatchObject({ code: GUARD_CODE });
    await expect(importedLookup('example.com', { all: true })).rejects.toMatchObject({ code: GUARD_CODE });
    if (dns.getServers().some((s) => !s.startsWith('127.') && s !== '::1')) {
      await expect(dns.promises.resolve4('example.com')).rejects.toMatchObject({ code: GUARD_CODE });
      await expect(new dns.promises.Resolver().resolveTxt('example.com')).rejects.toMatchObject({ code: GUARD_CODE });
      const viaResolver = await new Promise<NodeJS.ErrnoException | null>((r) => new dns.Resolver().resolve6('example.com', (err) => r(err)));
      expect(viaResolver?.code).toBe(GUARD_CODE);
    }
    await expect(dns.promises.lookupService('8.8.8.8', 53)).rejects.toMatchObject({ code: GUARD_CODE });
    // Loopback names and IP literals send nothing and still work.
    expect((await dns.promises.lookup('localhost')).address).toMatch(/^(127\.|::1$)/);
    expect((await dns.promises.lookup('10.0.0.1')).address).toBe('10.0.0.1');
  });

  it('refuses UDP outside loopback and lets loopback through', async () => {
    const socket = dgram.createSocket('udp4');
    try {
      expect(() => socket.send('x', 53, '10.255.255.53')).toThrow(/network guard/);
      expect(() => socket.send(Buffer.from('x'), 0, 1, 53, '8.8.8.8')).toThrow(/network guard/);
      expect(() => socket.connect(53, '1.1.1.1')).toThrow(/network guard/);
      const echo = dgram.createSocket('udp4');
      await new Promise<void>((r) => echo.bind(0, '127.0.0.1', r));
      const got = new Promise<string>((r) => echo.once('message', (m) => r(m.toString())));
      socket.send('hi', echo.address().port, '127.0.0.1');
      expect(await got).toBe('hi');
      echo.close();
    } finally {
      socket.close();
    }
  });
});
