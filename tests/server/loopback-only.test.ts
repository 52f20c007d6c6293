import { describe, expect, it } from 'vitest';
import net from 'node:net';
import './loopback-only';

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
});
