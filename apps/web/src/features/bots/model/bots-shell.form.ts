// Moved to the shared layer (the points and rewards pages use them too); kept here for the bots.
export {
  allShownAtFields,
  fieldErrorsOf,
  issuesOfError,
  issuesOfParse,
  parseWholeNumber,
  splitLines,
  splitWords,
  type FieldIssue,
  type IndexedFormat,
  type SafeParseLike,
} from '@/shared/forms/field-issues';
