import { ApiError } from '@/shared/api/api-error';
import {
  allShownAtFields,
  fieldErrorsOf,
  issuesOfError,
  parseWholeNumber,
  splitLines,
  splitWords,
} from './bots-shell.form';

const fields = ['name', 'aliases', 'responses'] as const;

describe('fieldErrorsOf', () => {
  it('puts an issue on a list item on the list field, with its line number', () => {
    const errors = fieldErrorsOf(
      [
        { field: 'responses.2', message: 'must be at most 500 characters' },
        { field: 'name', message: 'may only hold letters, digits and _' },
      ],
      fields,
      (index, message) => `Line ${index + 1}: ${message}`,
    );
    expect(errors).toEqual({
      responses: 'Line 3: must be at most 500 characters',
      name: 'may only hold letters, digits and _',
    });
  });

  it('keeps the first issue of a field and leaves out fields the form does not have', () => {
    const errors = fieldErrorsOf(
      [
        { field: 'aliases.0', message: 'first' },
        { field: 'aliases.4', message: 'second' },
        { field: 'useCount', message: 'not here' },
      ],
      fields,
    );
    expect(errors).toEqual({ aliases: '1: first' });
  });
});

describe('issues of a failed request', () => {
  const badRequest = new ApiError({
    statusCode: 400,
    code: 'validation.failed',
    message: 'responses.0 must be at most 500 characters',
    field: 'responses.0',
    issues: [{ field: 'responses.0', message: 'must be at most 500 characters' }],
  });
  const conflict = new ApiError({
    statusCode: 409,
    code: 'bots.command_name_taken',
    message: 'A command is already called hi.',
    field: 'aliases',
  });

  it('reads every validation issue once, and the field of a conflict', () => {
    expect(issuesOfError(badRequest)).toEqual([
      { field: 'responses.0', message: 'must be at most 500 characters' },
    ]);
    expect(issuesOfError(conflict)).toEqual([
      { field: 'aliases', message: 'A command is already called hi.' },
    ]);
    expect(issuesOfError(new Error('boom'))).toEqual([]);
  });

  it('says whether the form shows every problem beside a field', () => {
    expect(allShownAtFields(badRequest, fields)).toBe(true);
    expect(allShownAtFields(conflict, ['name'])).toBe(false);
    const forbidden = new ApiError({ statusCode: 403, code: 'workspace.forbidden', message: 'no' });
    expect(allShownAtFields(forbidden, fields)).toBe(false);
  });
});

describe('typed boxes', () => {
  it('split words on commas and spaces, and lines on new lines, dropping blanks', () => {
    expect(splitWords(' hi, hey\nyo ,, ')).toEqual(['hi', 'hey', 'yo']);
    expect(splitLines('  one a line \r\n\n two, with a comma ')).toEqual(['one a line', 'two, with a comma']);
  });

  it('read whole numbers, empty as the fallback, anything else as NaN', () => {
    expect(parseWholeNumber(' 30 ', 0)).toBe(30);
    expect(parseWholeNumber('', 0)).toBe(0);
    expect(parseWholeNumber('1.5', 0)).toBe(1.5);
    expect(parseWholeNumber('30s', 0)).toBeNaN();
    expect(parseWholeNumber('1e3', 0)).toBeNaN();
  });
});
