import { ChoiceIdSchema, type QuestionConfig, type QuestionInputSchema } from '@podium/contracts';

/** A question body after `QuestionInputSchema.parse` (defaults applied, choice ids maybe missing). */
export type ParsedQuestionInput = ReturnType<(typeof QuestionInputSchema)['parse']>;

// makeId is random; a handful of retries makes a collision practically impossible without looping forever.
const MAX_ID_ATTEMPTS = 20;

/**
 * Gives every choice without an id a new one from `makeId`, keeping existing ids (answers point at
 * them). New ids never collide with ids already in the question.
 */
export function fillChoiceIds(input: ParsedQuestionInput, makeId: () => string): QuestionConfig {
  switch (input.type) {
    case 'slide':
    case 'wordcloud':
    case 'rating':
    case 'qa':
      return input;
    case 'poll':
      return { ...input, choices: withIds(input.choices, makeId) };
    case 'quiz':
      return { ...input, choices: withIds(input.choices, makeId) };
  }
}

function withIds<C extends { id?: string | undefined }>(
  choices: C[],
  makeId: () => string,
): (C & { id: string })[] {
  const taken = new Set(choices.flatMap((choice) => (choice.id ? [choice.id] : [])));
  return choices.map((choice) => {
    if (choice.id) return { ...choice, id: choice.id };
    const id = freshId(taken, makeId);
    taken.add(id);
    return { ...choice, id };
  });
}

function freshId(taken: ReadonlySet<string>, makeId: () => string): string {
  for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt += 1) {
    const id = makeId();
    if (!ChoiceIdSchema.safeParse(id).success) {
      throw new Error(`makeId returned an invalid choice id: ${JSON.stringify(id)}`);
    }
    if (!taken.has(id)) return id;
  }
  throw new Error(`makeId returned only taken ids in ${MAX_ID_ATTEMPTS} attempts`);
}
