// Colours and point symbols of the series. Each series keeps one colour and one symbol in the
// data and in the legend, so a reader matches them without counting. Symbols are hollow: where
// two spectra lie on top of each other (before and after a polarisation, say) both stay visible,
// one symbol showing through the other.

const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];

/** Cycled independently of the colours (5 against 10), so neighbours differ in both. */
const SYMBOLS = ["circle", "square", "diamond", "triangle-up", "triangle-down"] as const;
type SymbolShape = (typeof SYMBOLS)[number];

/** px: the symbol's width. */
const SYMBOL_SIZE = 7;

export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

function seriesSymbol(index: number): SymbolShape {
  return SYMBOLS[index % SYMBOLS.length]!;
}

const n2 = (x: number): string => (Math.round(x * 100) / 100).toString();

/** The symbol of series `index`, centred on (cx, cy). */
export function symbolAt(index: number, cx: number, cy: number): string {
  const color = seriesColor(index);
  const r = SYMBOL_SIZE / 2;
  const paint = `fill="none" stroke="${color}" stroke-width="1.3"`;
  const polygon = (corners: [number, number][]): string =>
    `<polygon points="${corners.map(([x, y]) => `${n2(cx + x)},${n2(cy + y)}`).join(" ")}" ${paint}/>`;
  switch (seriesSymbol(index)) {
    case "circle":
      // A little larger than the square that follows it, so that each shows around the other.
      return `<circle cx="${n2(cx)}" cy="${n2(cy)}" r="${n2(r * 1.15)}" ${paint}/>`;
    case "square":
      return `<rect x="${n2(cx - r * 0.75)}" y="${n2(cy - r * 0.75)}" width="${n2(r * 1.5)}" height="${n2(r * 1.5)}" ${paint}/>`;
    case "diamond":
      return polygon([
        [0, -r * 1.15],
        [r * 1.15, 0],
        [0, r * 1.15],
        [-r * 1.15, 0],
      ]);
    case "triangle-up":
      return polygon([
        [0, -r * 1.15],
        [r * 1.1, r * 0.8],
        [-r * 1.1, r * 0.8],
      ]);
    case "triangle-down":
      return polygon([
        [0, r * 1.15],
        [r * 1.1, -r * 0.8],
        [-r * 1.1, -r * 0.8],
      ]);
  }
}

/** An SVG `<marker>` that draws series `index`'s symbol on every vertex of a path. */
export function markerDefinition(id: string, index: number): string {
  const box = SYMBOL_SIZE * 2;
  return (
    `<marker id="${id}" markerUnits="userSpaceOnUse" markerWidth="${box}" markerHeight="${box}" ` +
    `refX="${box / 2}" refY="${box / 2}" overflow="visible">${symbolAt(index, box / 2, box / 2)}</marker>`
  );
}
