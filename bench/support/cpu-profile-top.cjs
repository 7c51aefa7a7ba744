// Summarises a .cpuprofile: self time per function (top N) and per file, to see where the api spends.
// Usage: node bench/support/cpu-profile-top.cjs <file.cpuprofile> [N]
const { readFileSync } = require('node:fs');

const [file, count = '40'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const intervals = profile.timeDeltas;
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (intervals[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fnTimes = new Map();
const fileTimes = new Map();
for (const [id, micros] of self) {
  const { callFrame } = byId.get(id);
  const where =
    callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/') || '(native)';
  const fn = `${callFrame.functionName || '(anonymous)'} ${where}:${callFrame.lineNumber + 1}`;
  fnTimes.set(fn, (fnTimes.get(fn) ?? 0) + micros);
  const pkg = where.startsWith('@') ? where.split('/').slice(0, 2).join('/') : where.split('/')[0];
  fileTimes.set(pkg, (fileTimes.get(pkg) ?? 0) + micros);
}
const show = (map, n) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .forEach(([key, micros]) => console.log(`${((micros / total) * 100).toFixed(1).padStart(5)} %  ${key}`));
console.log(`total ${(total / 1e6).toFixed(1)} s sampled\n-- by package/file --`);
show(fileTimes, 25);
console.log('-- by function (self) --');
show(fnTimes, Number(count));
