import { splitMessage } from './split-message.rules';

describe('splitMessage', () => {
  it('keeps a short line whole, with runs of spaces collapsed', () => {
    expect(splitMessage('  hello   there ', 500)).toEqual(['hello there']);
  });

  it('gives nothing for a blank line', () => {
    expect(splitMessage(' \n\t ', 500)).toEqual([]);
  });

  it('breaks on word boundaries, never past the limit', () => {
    const parts = splitMessage('one two three four five six', 9);
    expect(parts).toEqual(['one two', 'three', 'four five', 'six']);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(9);
  });

  it('hard-cuts a single word longer than a line', () => {
    expect(splitMessage('abcdefghij klm', 4)).toEqual(['abcd', 'efgh', 'ij', 'klm']);
  });

  it('counts emoji as one character and never splits one in half', () => {
    const parts = splitMessage('😀😀😀😀😀', 2);
    expect(parts).toEqual(['😀😀', '😀😀', '😀']);
  });

  it('stops at maxParts with an ellipsis on the last part', () => {
    const parts = splitMessage('aa bb cc dd ee ff gg', 5, 2);
    expect(parts).toEqual(['aa bb', 'cc…']);
    expect(parts[1]!.length).toBeLessThanOrEqual(5);
  });
});
