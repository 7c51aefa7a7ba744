// Preloaded into the api under test (`NODE_OPTIONS=--require …`; node refuses --cpu-prof there):
// profiles the whole run with the inspector and writes BENCH_CPU_PROF_DIR/api-<pid>.cpuprofile at
// exit, to open in Chrome DevTools or summarise with bench/support/cpu-profile-top.cjs.
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  process.once('exit', () => {
    // An in-process session answers synchronously, so this runs to the end inside 'exit'.
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(dir, `api-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
