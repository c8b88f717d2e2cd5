// Rectangles in pixel or data coordinates, and whether a line segment touches one: used to keep
// only the parts of a curve that show in the frame, and to find a legend spot that hides nothing.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function insideBox(x: number, y: number, box: Box): boolean {
  return x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;
}

/** Whether the segment from (ax, ay) to (bx, by) has any point in the box (Liang–Barsky). */
export function segmentTouchesBox(ax: number, ay: number, bx: number, by: number, box: Box): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  let enter = 0;
  let leave = 1;
  // Each pair: the segment's rate towards one edge, and its distance inside that edge.
  const edges: [number, number][] = [
    [-dx, ax - box.x],
    [dx, box.x + box.width - ax],
    [-dy, ay - box.y],
    [dy, box.y + box.height - ay],
  ];
  for (const [rate, room] of edges) {
    if (rate === 0) {
      if (room < 0) return false;
      continue;
    }
    const t = room / rate;
    if (rate < 0) enter = Math.max(enter, t);
    else leave = Math.min(leave, t);
    if (enter > leave) return false;
  }
  return true;
}
