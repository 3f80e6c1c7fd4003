/** What a conversion left out, by kind, with where: printed as one line per kind (at most three places named). */
import { LEFT_OUT, LeftOutKind } from './table';

export class LeftOutNotes {
  private readonly byKind = new Map<LeftOutKind, string[]>();

  add(kind: LeftOutKind, where: string): void {
    const list = this.byKind.get(kind) ?? [];
    this.byKind.set(kind, list);
    if (!list.includes(where)) list.push(where);
  }

  /** One line each, in the table's order: `left out: saved examples (responses): "A/B", "C" and 4 more`. */
  lines(): string[] {
    const out: string[] = [];
    for (const kind of Object.keys(LEFT_OUT) as LeftOutKind[]) {
      const places = this.byKind.get(kind);
      if (!places) continue;
      const named = places.slice(0, 3).map((p) => `"${p}"`).join(', ');
      out.push(`left out: ${LEFT_OUT[kind]}: ${named}${places.length > 3 ? ` and ${places.length - 3} more` : ''}`);
    }
    return out;
  }
}
