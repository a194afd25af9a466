/** One organization as a tree edge: its id and its parent's id (null at a root). */
export interface TreeEdge {
  id: number;
  parentId: number | null;
}

/**
 * The given organizations and every organization below them, in breadth-first order without
 * duplicates. A loop already present in stored data stops instead of running forever.
 */
export function subtreeIds(edges: readonly TreeEdge[], roots: readonly number[]): number[] {
  const children = new Map<number, number[]>();
  for (const { id, parentId } of edges) {
    if (parentId === null) continue;
    const list = children.get(parentId);
    if (list) list.push(id);
    else children.set(parentId, [id]);
  }
  const known = new Set(edges.map((edge) => edge.id));
  const found = new Set<number>();
  const queue = roots.filter((id) => known.has(id));
  while (queue.length > 0) {
    const id = queue.shift() as number;
    if (found.has(id)) continue;
    found.add(id);
    for (const child of children.get(id) ?? []) if (!found.has(child)) queue.push(child);
  }
  return [...found];
}

/** An organization with the fields a directory shows, and its parent's id. */
export interface DirectoryRow {
  id: number;
  parentId: number | null;
  name: string;
  sortOrder?: number | null;
  [field: string]: unknown;
}

/** A directory entry with its sub-organizations, ordered by sortOrder, then name. */
export interface DirectoryNode {
  name: string;
  sortOrder?: number | null;
  children: DirectoryNode[];
  [field: string]: unknown;
}

/**
 * The directory as a forest: the whole city (every root) or the subtree under `rootId`. Internal
 * ids stay out of the result; an organization whose parent is missing is shown as a root.
 */
export function buildDirectory(rows: readonly DirectoryRow[], rootId?: number): DirectoryNode[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const children = new Map<number | null, DirectoryRow[]>();
  for (const row of rows) {
    const parent = row.parentId !== null && byId.has(row.parentId) && row.parentId !== row.id ? row.parentId : null;
    const list = children.get(parent);
    if (list) list.push(row);
    else children.set(parent, [row]);
  }
  const order = (a: DirectoryRow, b: DirectoryRow) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.name.localeCompare(b.name, 'zh-Hans-CN');
  const seen = new Set<number>();
  const node = (row: DirectoryRow): DirectoryNode => {
    seen.add(row.id);
    const { id, parentId: _parentId, ...fields } = row;
    const below = (children.get(id) ?? []).filter((child) => !seen.has(child.id)).sort(order);
    return { ...fields, children: below.map(node) };
  };
  if (rootId !== undefined) {
    const root = byId.get(rootId);
    return root ? [node(root)] : [];
  }
  return (children.get(null) ?? []).sort(order).map(node);
}

/**
 * For every organization, `values` summed over it and everything below it (a stored loop is
 * counted once). Organizations without a value count as `zero`.
 */
export function sumSubtrees<T>(edges: readonly TreeEdge[], values: ReadonlyMap<number, T>, add: (a: T, b: T) => T, zero: T): Map<number, T> {
  const sums = new Map<number, T>();
  for (const { id } of edges) {
    let total = zero;
    for (const member of subtreeIds(edges, [id])) total = add(total, values.get(member) ?? zero);
    sums.set(id, total);
  }
  return sums;
}
