import { describe, expect, it } from "vitest";
import { segmentTouchesBox } from "../../../src/sim/plot/geometry.js";
import { lineChart, type Series } from "../../../src/sim/plot/svg.js";

const box = { x: 10, y: 10, width: 20, height: 10 };

describe("segments and boxes", () => {
  it("tells whether a segment touches a box", () => {
    expect(segmentTouchesBox(0, 0, 40, 30, box)).toBe(true); // crosses it
    expect(segmentTouchesBox(15, 12, 16, 13, box)).toBe(true); // inside
    expect(segmentTouchesBox(0, 0, 40, 0, box)).toBe(false); // passes above
    expect(segmentTouchesBox(0, 25, 5, 15, box)).toBe(false); // stops short
    expect(segmentTouchesBox(31, 0, 31, 40, box)).toBe(false); // parallel, beside it
  });
});

/** The legend box (x, y, width) and the frame's clip rectangle width. */
function layout(svg: string): { legend: { x: number; y: number }; frameWidth: number } {
  const legend = svg.match(/<rect x="([\d.]+)" y="([\d.]+)" width="[\d.]+" height="[\d.]+" fill="white" stroke="#bbb"\/>/)!;
  const frame = svg.match(/<clipPath id="plot"><rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"/)!;
  return { legend: { x: Number(legend[1]), y: Number(legend[2]) }, frameWidth: Number(frame[1]) };
}

const chart = (series: Series[], legend?: "outside") => lineChart({ title: "t", xLabel: "x", yLabel: "y", series, legend });

describe("legend placement", () => {
  it("goes to the top right when nothing lies there", () => {
    const { legend, frameWidth } = layout(
      chart([
        { name: "falling", x: [0, 10], y: [0, -10] },
        { name: "flat", x: [0, 10], y: [-5, -5] },
      ]),
    );
    expect(legend.x).toBeGreaterThan(400);
    expect(legend.y).toBeLessThan(100);
    expect(frameWidth).toBe(698);
  });

  it("moves to a free corner when a curve passes under the top right", () => {
    const { legend, frameWidth } = layout(
      chart([
        { name: "rising", x: [0, 10], y: [0, 10] },
        { name: "also rising", x: [0, 10], y: [0, 9] },
      ]),
    );
    // The top left is free of the diagonals.
    expect(legend.x).toBeLessThan(200);
    expect(legend.y).toBeLessThan(100);
    expect(frameWidth).toBe(698);
  });

  it("goes beside the frame when every corner holds data, or when asked", () => {
    const corners: Series[] = [
      { name: "one", x: [0, 10], y: [0, 10], markers: true },
      { name: "two", x: [0, 10], y: [10, 0], markers: true },
    ];
    for (const svg of [
      chart(corners),
      chart(
        [
          { name: "a", x: [0, 1], y: [0, 0] },
          { name: "b", x: [0, 1], y: [1, 1] },
        ],
        "outside",
      ),
    ]) {
      const { legend, frameWidth } = layout(svg);
      expect(frameWidth).toBeLessThan(698);
      expect(legend.x).toBeGreaterThan(78 + frameWidth);
    }
  });
});
