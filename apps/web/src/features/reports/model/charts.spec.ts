import { bars, formatDuration, linePath, linePoints, niceMax, percent } from './charts';

const box = { width: 120, height: 60, padding: 10 };

describe('report charts', () => {
  it('rounds the axis top up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(12)).toBe(20);
    expect(niceMax(180)).toBe(200);
    expect(niceMax(450)).toBe(500);
    expect(niceMax(1000)).toBe(1000);
  });

  it('spreads line points over the width and scales them to the axis top', () => {
    const points = linePoints([0, 5, 10], box);
    expect(points).toEqual([
      { x: 10, y: 50 },
      { x: 60, y: 30 },
      { x: 110, y: 10 },
    ]);
    expect(linePath(points)).toBe('M10 50 L60 30 L110 10');
    expect(linePoints([4], box)).toEqual([{ x: 60, y: 18 }]); // axis top 5
    expect(linePoints([], box)).toEqual([]);
  });

  it('draws bars from the baseline with heights proportional to the values', () => {
    const drawn = bars([10, 0, 5], box);
    expect(drawn.map((b) => b.height)).toEqual([40, 0, 20]);
    expect(drawn.map((b) => b.y)).toEqual([10, 50, 30]);
    expect(drawn[1]!.x).toBeGreaterThan(drawn[0]!.x);
    expect(drawn.every((b) => b.x + b.width <= box.width - box.padding + 0.1)).toBe(true);
  });

  it('formats rates and durations for people', () => {
    expect(percent(0.6667)).toBe(67);
    expect(percent(null)).toBeNull();
    expect(formatDuration(59)).toBe('0:59');
    expect(formatDuration(7956)).toBe('2:12:36');
  });
});
