/** A tiny line of a metric's recent history: the shape only, no axes. */
export function Sparkline({
  values,
  color,
  width = 96,
  height = 28,
}: {
  values: readonly (number | null)[];
  color: string;
  width?: number;
  height?: number;
}) {
  const points = values
    .map((v, i) => [i, v] as const)
    .filter((p): p is readonly [number, number] => p[1] !== null);
  const ys = points.map((p) => p[1]);
  if (points.length < 2 || ys.every((y) => y === 0)) return null;
  const min = Math.min(...ys);
  const max = Math.max(...ys);
  const span = max - min || 1;
  const step = width / Math.max(values.length - 1, 1);
  const xy = points.map(([i, v]) => [i * step, height - 2 - ((v - min) / span) * (height - 4)] as const);
  const line = xy.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  const last = xy.at(-1);
  const first = xy[0];
  const area = first && last ? `${first[0]},${height} ${line} ${last[0]},${height}` : '';
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden
      style={{ display: 'block' }}
    >
      <polygon points={area} fill={color} opacity={0.12} />
      <polyline points={line} fill="none" stroke={color} strokeWidth={1.5} strokeLinejoin="round" />
      {last ? <circle cx={last[0]} cy={last[1]} r={2.5} fill={color} /> : null}
    </svg>
  );
}
