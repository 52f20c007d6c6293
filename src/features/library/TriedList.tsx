import type { Attempt } from '../../state/show-resolver';

const WAYS: Record<Attempt['via'], string> = {
  remembered: 'Address that worked last time',
  known: 'Known feed address',
  origin: 'Packet Pushers site',
  'apple-id': 'Apple Podcasts, by id',
  search: 'Directory search',
};

/** Every way a default show was looked for and why each failed, folded away under the reason. */
export function TriedList({ attempts }: { attempts: Attempt[] }) {
  return (
    <details class="tried-list">
      <summary>Tried {attempts.length} ways</summary>
      <ol>
        {attempts.map((a, i) => (
          <li key={i}>
            <span class="tried-way">
              {WAYS[a.via]}: <span class="tried-target">{a.target}</span>
            </span>
            <span class="tried-why">{a.message}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
