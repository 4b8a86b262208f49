import type { Unit } from '../api/types';

export interface TreeNode {
  unit: Unit;
  children: TreeNode[];
}

// The API lists parents before children; this does not rely on it. A unit whose
// parent is not in the list (outside the user's scope, or ended) becomes a root.
export function buildTree(units: Unit[]): TreeNode[] {
  const nodes = new Map<number, TreeNode>();
  for (const u of units) nodes.set(u.id, { unit: u, children: [] });
  const roots: TreeNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id)!;
    const parent = u.parent_id !== null ? nodes.get(u.parent_id) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export function countDescendants(node: TreeNode): number {
  let n = node.children.length;
  for (const c of node.children) n += countDescendants(c);
  return n;
}

export function allWithChildren(nodes: TreeNode[], into: number[] = []): number[] {
  for (const n of nodes) {
    if (n.children.length) {
      into.push(n.unit.id);
      allWithChildren(n.children, into);
    }
  }
  return into;
}
