/**
 * The ruling lines of bordered tables, found in a page rendered at 72 dpi (1 pixel = 1 point,
 * the coordinates of pdftotext's boxes) in grey without anti-aliasing, so that a border is a run
 * of dark pixels. A rule counts only when it crosses two rules of the other direction (and is
 * clipped to the first and last it crosses): underlined words, a rule under a title or a letter's
 * stroke are not borders. Connected rules make a grid; its rows are the
 * bands between the horizontal rules, its cells the spans between the vertical rules crossing a
 * band (a missing vertical rule: colSpan), and a cell with no rule above it continues the cell
 * above (rowSpan), as Word's merged cells look once printed.
 */
export interface GridCell {
  colSpan: number;
  rowSpan: number;
}

export interface Grid {
  /** Cells as a table has them: a cell covered by a rowSpan from above is not repeated. */
  rows: GridCell[][];
  /** x of the vertical rules (points), left to right. */
  columns: number[];
  /** y of the horizontal rules (points), top to bottom. */
  rules: number[];
  /** The cell (row index, index in that row) under a point, if the point is inside the grid. */
  cellAt(x: number, y: number): { row: number; col: number } | undefined;
}

interface Rule {
  /** y of a horizontal rule, x of a vertical one. */
  at: number;
  from: number;
  to: number;
}

/**
 * Not paper: borders are often grey (#808080 is 128, #BFBFBF 191). A cell's shading (#D9D9D9 is
 * 217) is dark too, but a run of it is no rule (see below).
 */
const DARK = 230;
/**
 * A rule is thin: most of its pixels are clearly darker than the pixels this far on one side of
 * it (paper, or the lighter shading of the cell beside). Inside a shaded cell nothing is; where a
 * vertical rule crosses, a few pixels are not, hence "most".
 */
const THICK = 3;
const CONTRAST = 24;
const THIN_SHARE = 0.6;
const MIN_H = 20;
/** Longer than a letter's stem at body sizes, shorter than the lowest table row. */
const MIN_V = 11;
const NEAR = 2;

export function findGrids(pgm: Uint8Array): Grid[] {
  const image = readPgm(pgm);
  if (!image) return [];
  const { width, height, pixels } = image;
  const value = (x: number, y: number) => (x >= 0 && y >= 0 && x < width && y < height ? pixels[y * width + x]! : 255);
  const dark = (x: number, y: number) => value(x, y) < DARK;
  const thinH = (x: number, y: number) => value(x, y) + CONTRAST <= Math.max(value(x, y - THICK), value(x, y + THICK));
  const thinV = (x: number, y: number) => value(x, y) + CONTRAST <= Math.max(value(x - THICK, y), value(x + THICK, y));
  let hs: Rule[] = [];
  for (let y = 0; y < height; y++) {
    let start = -1;
    let thin = 0;
    for (let x = 0; x <= width; x++) {
      if (x < width && dark(x, y)) {
        if (start < 0) {
          start = x;
          thin = 0;
        }
        if (thinH(x, y)) thin += 1;
      } else if (start >= 0) {
        if (x - start >= MIN_H && thin >= (x - start) * THIN_SHARE) hs.push({ at: y, from: start, to: x - 1 });
        start = -1;
      }
    }
  }
  let vs: Rule[] = [];
  for (let x = 0; x < width; x++) {
    let start = -1;
    let thin = 0;
    for (let y = 0; y <= height; y++) {
      if (y < height && dark(x, y)) {
        if (start < 0) {
          start = y;
          thin = 0;
        }
        if (thinV(x, y)) thin += 1;
      } else if (start >= 0) {
        if (y - start >= MIN_V && thin >= (y - start) * THIN_SHARE) vs.push({ at: x, from: start, to: y - 1 });
        start = -1;
      }
    }
  }
  hs = merge(hs);
  vs = merge(vs);
  // Keep the rules that cross two rules of the other direction at least, clipped to the first
  // and last they cross (a letter touching a border does not lengthen it), until nothing changes.
  const crossing = (r: Rule, others: Rule[]) => others.filter((o) => o.from - NEAR <= r.at && r.at <= o.to + NEAR && r.from - NEAR <= o.at && o.at <= r.to + NEAR).map((o) => o.at);
  const clip = (rules: Rule[], others: Rule[]) =>
    rules.flatMap((r) => {
      const at = crossing(r, others);
      return at.length >= 2 ? [{ at: r.at, from: at.reduce((m, x) => Math.min(m, x), Infinity), to: at.reduce((m, x) => Math.max(m, x), -Infinity) }] : [];
    });
  for (let changed = true; changed; ) {
    const h2 = clip(hs, vs);
    const v2 = clip(vs, h2);
    changed = h2.length !== hs.length || v2.length !== vs.length || h2.some((h, i) => h.from !== hs[i]!.from || h.to !== hs[i]!.to);
    hs = h2;
    vs = v2;
  }
  // Connected groups of crossing rules.
  const all = [...hs.map((r) => ({ r, h: true })), ...vs.map((r) => ({ r, h: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      if (a.h === b.h) continue;
      const [h, v] = a.h ? [a.r, b.r] : [b.r, a.r];
      if (h.from - NEAR <= v.at && v.at <= h.to + NEAR && v.from - NEAR <= h.at && h.at <= v.to + NEAR) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, { hs: Rule[]; vs: Rule[] }>();
  all.forEach((e, i) => {
    const g = groups.get(find(i)) ?? { hs: [], vs: [] };
    (e.h ? g.hs : g.vs).push(e.r);
    groups.set(find(i), g);
  });
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const grid = buildGrid(g.hs, g.vs);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => a.rules[0]! - b.rules[0]!);
}

function buildGrid(hs: Rule[], vs: Rule[]): Grid | undefined {
  const ys = positions(hs.map((h) => h.at));
  const xs = positions(vs.map((v) => v.at));
  if (ys.length < 2 || xs.length < 2) return undefined;
  const vAt = (x: number, y: number) => vs.some((v) => Math.abs(v.at - x) <= NEAR && v.from - NEAR <= y && y <= v.to + NEAR);
  const hAt = (y: number, x: number) => hs.some((h) => Math.abs(h.at - y) <= NEAR && h.from - NEAR <= x && x <= h.to + NEAR);
  const rows: GridCell[][] = [];
  /** For each band and grid column, the (row, index) of the cell covering it. */
  const owner: ({ row: number; col: number; from: number; to: number } | undefined)[][] = [];
  for (let i = 0; i + 1 < ys.length; i++) {
    const mid = (ys[i]! + ys[i + 1]!) / 2;
    const row: GridCell[] = [];
    const band: (typeof owner)[number] = new Array(xs.length - 1).fill(undefined);
    let j = 0;
    while (j + 1 < xs.length) {
      let k = j + 1;
      while (k + 1 < xs.length && !vAt(xs[k]!, mid)) k += 1;
      // [j, k): one cell. With no rule above it, it continues the cell above of the same columns.
      const above = i > 0 ? owner[i - 1]![j] : undefined;
      const centre = (xs[j]! + xs[k]!) / 2;
      if (above && above.from === j && above.to === k && !hAt(ys[i]!, centre)) {
        rows[above.row]![above.col]!.rowSpan += 1;
        for (let c = j; c < k; c++) band[c] = above;
      } else {
        const at = { row: i, col: row.length, from: j, to: k };
        row.push({ colSpan: k - j, rowSpan: 1 });
        for (let c = j; c < k; c++) band[c] = at;
      }
      j = k;
    }
    rows.push(row);
    owner.push(band);
  }
  // A band whose cells all continue cells above leaves an empty row: keep it (rowSpan counts it).
  return {
    rows,
    columns: xs,
    rules: ys,
    cellAt(x, y) {
      if (x < xs[0]! || x > xs[xs.length - 1]! || y < ys[0]! || y > ys[ys.length - 1]!) return undefined;
      const i = ys.findIndex((_, n) => n + 1 < ys.length && y >= ys[n]! && y <= ys[n + 1]!);
      const j = xs.findIndex((_, n) => n + 1 < xs.length && x >= xs[n]! && x <= xs[n + 1]!);
      const o = i >= 0 && j >= 0 ? owner[i]![j] : undefined;
      return o ? { row: o.row, col: o.col } : undefined;
    },
  };
}

/** Rules one or two pixels thick are found once per pixel row: one rule, its extent the union. */
function merge(rules: Rule[]): Rule[] {
  // Sorted by position, a rule can only merge with those a few positions before it.
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Rule[] = [];
  for (const r of sorted) {
    let same: Rule | undefined;
    for (let i = out.length - 1; i >= 0 && r.at - out[i]!.at <= NEAR; i--) {
      const o = out[i]!;
      if (r.from <= o.to + NEAR && r.to >= o.from - NEAR) {
        same = o;
        break;
      }
    }
    if (same) {
      same.from = Math.min(same.from, r.from);
      same.to = Math.max(same.to, r.to);
    } else {
      out.push({ ...r });
    }
  }
  return out;
}

/** Distinct positions, those within NEAR of each other taken as one. */
function positions(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (out.length === 0 || v - out[out.length - 1]! > NEAR) out.push(v);
  return out;
}

function readPgm(bytes: Uint8Array): { width: number; height: number; pixels: Uint8Array } | undefined {
  // "P5" whitespace width whitespace height whitespace maxval single-whitespace pixels
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(head);
  if (!m) return undefined;
  const width = Number(m[1]);
  const height = Number(m[2]);
  if (Number(m[3]) !== 255 || width * height > 20_000_000) return undefined;
  const pixels = bytes.subarray(m[0].length, m[0].length + width * height);
  if (pixels.length < width * height) return undefined;
  return { width, height, pixels };
}
