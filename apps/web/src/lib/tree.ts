/** Flat rows with parentId → nested rows with `children` (absent on leaves, as antd's tree table expects). */
export type TreeRow<T> = T & { children?: TreeRow<T>[] };

export function buildTree<T extends { id: string; parentId: string | null }>(
  items: readonly T[],
  compare?: (a: T, b: T) => number,
): TreeRow<T>[] {
  const byId = new Map<string, TreeRow<T>>();
  for (const item of items) byId.set(item.id, { ...item });
  const roots: TreeRow<T>[] = [];
  const sorted = compare ? [...items].sort(compare) : items;
  for (const item of sorted) {
    const node = byId.get(item.id)!;
    const parent = item.parentId ? byId.get(item.parentId) : undefined;
    // An orphan (parent missing or itself) is shown at the top rather than lost.
    if (parent && parent !== node) {
      parent.children ??= [];
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  return roots;
}

export interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: TreeOption[];
}

/** Options for a TreeSelect; `disable` greys out ids that may not be chosen (for example a node's own subtree). */
export function toTreeOptions<T extends { id: string; parentId: string | null }>(
  items: readonly T[],
  title: (item: T) => string,
  disable?: (item: T) => boolean,
): TreeOption[] {
  const convert = (rows: TreeRow<T>[]): TreeOption[] =>
    rows.map((row) => ({
      value: row.id,
      title: title(row),
      disabled: disable?.(row) ?? false,
      children: row.children ? convert(row.children) : undefined,
    }));
  return convert(buildTree(items));
}

/** Ids of `rootId` and everything below it. */
export function subtreeIds<T extends { id: string; parentId: string | null }>(
  items: readonly T[],
  rootId: string,
): Set<string> {
  const out = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (item.parentId && out.has(item.parentId) && !out.has(item.id)) {
        out.add(item.id);
        grew = true;
      }
    }
  }
  return out;
}
