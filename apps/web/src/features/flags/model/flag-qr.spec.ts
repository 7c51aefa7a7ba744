import { encode } from 'uqr';
import { flagJoinUrl, qrMatrix, qrModulesPath } from './flag-qr';

describe('flagJoinUrl', () => {
  it('points at the join page of this server with the flag code', () => {
    expect(flagJoinUrl('https://podium.example.org', 'GOLDEN-KEY')).toBe(
      'https://podium.example.org/join?flag=GOLDEN-KEY',
    );
    expect(flagJoinUrl('http://127.0.0.1:4200', 'A_B')).toBe('http://127.0.0.1:4200/join?flag=A_B');
  });
});

describe('qrModulesPath', () => {
  it('draws one rectangle per horizontal run of dark modules', () => {
    const modules = [
      [true, true, false, true],
      [false, false, false, false],
      [false, true, true, true],
    ];
    expect(qrModulesPath(modules)).toBe('M0 0h2v1h-2zM3 0h1v1h-1zM1 2h3v1h-3z');
    expect(qrModulesPath([[false, false]])).toBe('');
  });

  it('covers exactly the dark modules of a real code', () => {
    const { data } = encode('https://podium.example.org/join?flag=GOLDEN-KEY', { ecc: 'M', border: 4 });
    const dark = data.flat().filter(Boolean).length;
    const runs = [...qrModulesPath(data).matchAll(/M\d+ \d+h(\d+)/g)].map((m) => Number(m[1]));
    expect(runs.reduce((sum, run) => sum + run, 0)).toBe(dark);
  });
});

describe('qrMatrix', () => {
  it('leaves a 4-module quiet zone and starts with the top-left finder pattern', () => {
    const { size, path } = qrMatrix('https://podium.example.org/join?flag=GOLDEN-KEY');
    // Version 3 or more (21 + 4n modules) plus 4 on each side.
    expect((size - 8 - 21) % 4).toBe(0);
    // The finder's top edge: 7 dark modules from (4, 4), and nothing drawn above row 4.
    expect(path.startsWith('M4 4h7v1h-7z')).toBe(true);
  });
});
