/** Per-parse state: repairs to report, DOCTYPE entities, and the budget that bounds entity expansion. */
export class ParseContext {
  private readonly notes = new Map<string, { text: string; count: number }>();
  /** Internal-subset entities declared in the DOCTYPE, already expanded. */
  entities: Map<string, string> | null = null;
  /** Characters that declared entities may still add; running out means an entity bomb. */
  expansionBudget: number;
  readonly baseUrl: string | undefined;

  constructor(inputLength: number, baseUrl: string | undefined) {
    this.expansionBudget = Math.max(1_000_000, inputLength * 2);
    this.baseUrl = baseUrl;
  }

  /** Records a repair once per key; repeats only raise its count. */
  warn(key: string, text: string): void {
    const note = this.notes.get(key);
    if (note) note.count++;
    else this.notes.set(key, { text, count: 1 });
  }

  has(key: string): boolean {
    return this.notes.has(key);
  }

  /** A context for work whose repairs were already reported, sharing the entities and budget. */
  quiet(): ParseContext {
    const q = new ParseContext(0, this.baseUrl);
    q.entities = this.entities;
    q.expansionBudget = this.expansionBudget;
    return q;
  }

  warnings(): string[] {
    const out: string[] = [];
    for (const { text, count } of this.notes.values()) {
      out.push(count > 1 ? `${text} (${count} times)` : text);
    }
    return out;
  }
}
