/**
 * First run against the simulated Packet Pushers world (tests/fixtures/routes/packet-pushers.ts):
 * the four default shows are found, each by its own path, listed with episodes; the Latest view
 * interleaves them; an episode code search finds the episode first.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStack, type Stack } from './harness';
import { useSimulatedWorld, type SimulatedHosts } from './simulated-hosts';
import { SIMULATED_HOSTS } from '../fixtures/routes/packet-pushers';

const SHOWS = ['Heavy Networking', 'Network Automation Nerds', 'Day Two DevOps', 'Packet Protector'];

describe('the Packet Pushers shows on first run', () => {
  let stack: Stack;
  let hosts: SimulatedHosts;
  beforeAll(async () => {
    stack = await startStack({
      configure: (config, fixtures) => {
        hosts = useSimulatedWorld(config, fixtures.port);
      },
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  /** What the fixture host was asked, as `host path`, in order. */
  const asked = () => stack.fixtures.log.map((r) => `${String(r.headers.host).replace(/:\d+$/, '')} ${r.url}`);

  test('first run lists all four shows with episodes, each found by its own path', async () => {
    const context = await stack.newContext();
    const page = await stack.newPage(context);
    const started = Date.now();
    await page.goto(stack.appUrl);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    const painted = Date.now();
    const grid = page.getByRole('list', { name: 'Shows' });
    for (const title of SHOWS) await grid.getByRole('link', { name: title }).waitFor({ timeout: 30_000 });
    const listed = Date.now();
    for (const title of SHOWS) {
      await grid.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) }).getByText(/\d+ unplayed/).waitFor();
    }
    // No error was ever shown while alternatives remained.
    await expect(page.getByRole('alert').count()).resolves.toBe(0);

    const paths = await page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('hopcast');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('settings').objectStore('settings').get('library.defaultShowFeeds');
            get.onsuccess = () => resolve(get.result);
            get.onerror = () => reject(get.error);
          };
        }),
    );
    console.info(`[packet-pushers] first paint ${painted - started} ms after navigation; all four shows listed ${listed - painted} ms after first paint`);
    console.info(`[packet-pushers] resolution: ${JSON.stringify(paths)}`);
    console.info(`[packet-pushers] fixture requests:\n  ${asked().filter((a) => !a.includes('/pp-art/')).join('\n  ')}`);
    expect(paths).toMatchObject({
      'heavy-networking': { via: 'known', url: 'https://feeds.packetpushers.net/PacketPushersWeeklyPodcast/' },
      'network-automation-nerds': { via: 'apple-id', url: 'https://feeds.packetpushers.net/networkautomationnerds/' },
      'day-two-devops': { via: 'search', url: 'https://feeds.packetpushers.net/daytwodevops/' },
      'packet-protector': { via: 'origin', url: 'https://packetpushers.net/podcast/packet-protector/feed/' },
    });
    // The retired feed answered 410 once per spelling; the impostors were never fetched.
    expect(asked().filter((a) => a.startsWith('feeds.packetpushers.net /day2cloud'))).toEqual(['feeds.packetpushers.net /day2cloud', 'feeds.packetpushers.net /day2cloud/']);
    expect(hosts.lookups.every((name) => (SIMULATED_HOSTS as readonly string[]).includes(name))).toBe(true);
    expect(hosts.dials.filter((d) => !/^(feeds\.packetpushers\.net|packetpushers\.net|itunes\.apple\.com):443$|^127\.0\.0\.1:/.test(d))).toEqual([]);
  });

  test('no page error or unexpected console error', () => {
    expect(stack.errors).toEqual([]);
  });
});
