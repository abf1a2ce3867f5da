/**
 * The one way repeated findings are grouped: the same misspelling on 300 rows, one unknown Stato on 5
 * rows. A group keeps its first item and every item it stands for, so the anomaly can list every cell
 * (spec: "Every anomaly is located"). Keys are tuples held in nested maps, so 100,000 rows cost a few
 * map lookups each and no string is built per row.
 */

export type KeyPart = string | number | boolean | null;

export interface Group<T> {
  first: T;
  items: T[];
}

/** Groups in the order their first item comes; `keyOf` null leaves an item out. */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => readonly KeyPart[] | null): Group<T>[] {
  const root = new Map<KeyPart, unknown>();
  const out: Group<T>[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    let node = root;
    for (let i = 0; i < key.length - 1; i++) {
      let next = node.get(key[i]!) as Map<KeyPart, unknown> | undefined;
      if (!next) node.set(key[i]!, (next = new Map()));
      node = next;
    }
    const last = key[key.length - 1] ?? null;
    const group = node.get(last) as Group<T> | undefined;
    if (group) group.items.push(item);
    else {
      const created = { first: item, items: [item] };
      node.set(last, created);
      out.push(created);
    }
  }
  return out;
}
