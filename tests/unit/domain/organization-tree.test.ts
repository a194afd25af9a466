import { buildDirectory, subtreeIds, sumSubtrees, type TreeEdge } from '../../../src/domain/organization-tree';

//        1 (city)
//      /   \
//     2     3 (county)
//     |     |  \
//     4     5   6
const city: TreeEdge[] = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 1 },
  { id: 4, parentId: 2 },
  { id: 5, parentId: 3 },
  { id: 6, parentId: 3 },
];

describe('subtreeIds', () => {
  it.each([
    ['a root covers the whole city', [1], [1, 2, 3, 4, 5, 6]],
    ['a county covers itself and what is below it', [3], [3, 5, 6]],
    ['a leaf covers only itself', [4], [4]],
    ['two memberships are united without duplicates', [2, 4, 3], [2, 3, 4, 5, 6]],
    ['an unknown organization covers nothing', [99], []],
    ['no membership covers nothing', [], []],
  ])('%s', (_label, roots, expected) => {
    expect(subtreeIds(city, roots).sort((a, b) => a - b)).toEqual(expected);
  });

  it('stops at a loop already present in stored data', () => {
    const looped: TreeEdge[] = [
      { id: 1, parentId: 2 },
      { id: 2, parentId: 1 },
    ];
    expect(subtreeIds(looped, [1]).sort()).toEqual([1, 2]);
  });
});

describe('buildDirectory', () => {
  const rows = [
    { id: 1, parentId: null, name: '太原市人民政府', sortOrder: 0 },
    { id: 3, parentId: 1, name: '太原市教育局', sortOrder: 20 },
    { id: 2, parentId: 1, name: '太原市人民政府办公室', sortOrder: 10 },
    { id: 4, parentId: 2, name: '政务公开科', sortOrder: 0 },
    { id: 5, parentId: 1, name: '太原市财政局', sortOrder: 20 },
    { id: 6, parentId: 99, name: '上级已删除的机构', sortOrder: 0 },
  ];
  const names = (nodes: { name: string; children: unknown[] }[]): unknown =>
    nodes.map((n) => (n.children.length ? [n.name, names(n.children as never)] : n.name));

  it('nests the whole city by sortOrder, then name, and keeps orphans visible as roots', () => {
    // Equal sortOrder falls back to pinyin order: 上 (shang) before 太 (tai), 财 (cai) before 教 (jiao).
    expect(names(buildDirectory(rows))).toEqual([
      '上级已删除的机构',
      ['太原市人民政府', [['太原市人民政府办公室', ['政务公开科']], '太原市财政局', '太原市教育局']],
    ]);
  });

  it('returns the subtree below one organization, without internal ids', () => {
    const [office] = buildDirectory(rows, 2);
    expect(office).toEqual({ name: '太原市人民政府办公室', sortOrder: 10, children: [{ name: '政务公开科', sortOrder: 0, children: [] }] });
  });

  it('returns nothing for an unknown organization and survives a stored loop', () => {
    expect(buildDirectory(rows, 42)).toEqual([]);
    const looped = [
      { id: 1, parentId: 2, name: '甲' },
      { id: 2, parentId: 1, name: '乙' },
    ];
    expect(names(buildDirectory(looped, 1))).toEqual([['甲', ['乙']]]);
  });
});

describe('sumSubtrees', () => {
  it('adds each organization’s own value to everything below it', () => {
    const values = new Map([
      [2, 1],
      [4, 10],
      [5, 100],
    ]);
    const sums = sumSubtrees(city, values, (a, b) => a + b, 0);
    expect(Object.fromEntries(sums)).toEqual({ 1: 111, 2: 11, 3: 100, 4: 10, 5: 100, 6: 0 });
  });
});
