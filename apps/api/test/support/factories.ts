import type {
  CreatedInviteDto,
  CreateMeetingRequest,
  JoinedMeetingDto,
  MeDto,
  MeetingDto,
  QuestionDto,
  QuestionInput,
  QuestionType,
  SetupRequest,
} from '@podium/contracts';
import { recordTestSecret } from '@podium/fakes';
import { HttpClient } from './http-client';

/** The passwords test accounts sign up with: listed for the scan of the test logs. */
export const OWNER_PASSWORD = 'a long enough passphrase';
export const MEMBER_PASSWORD = 'another long passphrase';
recordTestSecret('password', OWNER_PASSWORD);
recordTestSecret('password', MEMBER_PASSWORD);

let counter = 0;

export function newSetupRequest(overrides: Partial<SetupRequest> = {}): SetupRequest {
  counter += 1;
  return {
    email: `owner${counter}@example.org`,
    password: OWNER_PASSWORD,
    displayName: `Owner ${counter}`,
    workspaceName: `Workspace ${counter}`,
    ...overrides,
  };
}

/** Runs first-run setup and returns the signed-in owner's client and profile. */
export async function newOwner(baseUrl: string, overrides: Partial<SetupRequest> = {}) {
  const client = new HttpClient(baseUrl);
  const request = newSetupRequest(overrides);
  const result = await client.post<MeDto>('/api/setup', request);
  if (result.status !== 201) throw new Error(`setup failed: ${result.status} ${JSON.stringify(result.body)}`);
  return { client, me: result.body, workspaceId: result.body.memberships[0]!.workspaceId, request };
}

/** An owner invites someone with `role`; the invitee creates an account through the link. */
export async function newMember(owner: HttpClient, workspaceId: string, role: 'moderator' | 'viewer') {
  counter += 1;
  const invite = await owner.post<CreatedInviteDto>(`/api/workspaces/${workspaceId}/invites`, { role });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status}`);
  const client = new HttpClient(owner.baseUrl);
  const accepted = await client.post<MeDto>(`/api/invites/${invite.body.token}/accept`, {
    email: `member${counter}@example.org`,
    password: MEMBER_PASSWORD,
    displayName: `Member ${counter}`,
  });
  if (accepted.status !== 200)
    throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return { client, me: accepted.body };
}

/** One valid question input per type, for tests that need "a question of type X". */
export function newQuestionInput<T extends QuestionType>(
  type: T,
  overrides: Partial<Extract<QuestionInput, { type: T }>> = {},
): Extract<QuestionInput, { type: T }> {
  counter += 1;
  const title = `Question ${counter}`;
  const inputs: { [K in QuestionType]: Extract<QuestionInput, { type: K }> } = {
    slide: { type: 'slide', title, body: '# Welcome\nGlad you came.', imageUrl: 'https://example.org/a.png' },
    poll: { type: 'poll', title, choices: [{ label: 'Tea' }, { label: 'Coffee' }], multiple: false },
    quiz: {
      type: 'quiz',
      title,
      choices: [
        { label: 'Paris', correct: true },
        { label: 'Lyon', correct: false },
      ],
      scoring: 'standard',
    },
    wordcloud: { type: 'wordcloud', title, maxWordsPerAttendee: 2, bannedWords: ['rude'] },
    rating: { type: 'rating', title, scale: 'ten' },
    qa: { type: 'qa', title, timeLimitSeconds: 120 },
  };
  return { ...inputs[type], ...overrides };
}

/** Creates a meeting in the workspace as `client` (moderator or owner). */
export async function newMeeting(
  client: HttpClient,
  workspaceId: string,
  overrides: Partial<CreateMeetingRequest> = {},
): Promise<MeetingDto> {
  counter += 1;
  const result = await client.post<MeetingDto>(`/api/workspaces/${workspaceId}/meetings`, {
    title: `Meeting ${counter}`,
    ...overrides,
  });
  if (result.status !== 201)
    throw new Error(`meeting failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

/** Appends a question (a poll unless told otherwise) to the meeting. */
export async function newQuestion(
  client: HttpClient,
  meeting: Pick<MeetingDto, 'id' | 'workspaceId'>,
  input: QuestionInput = newQuestionInput('poll'),
): Promise<QuestionDto> {
  const result = await client.post<QuestionDto>(
    `/api/workspaces/${meeting.workspaceId}/meetings/${meeting.id}/questions`,
    input,
  );
  if (result.status !== 201)
    throw new Error(`question failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

/** Joins the meeting as a new attendee, the way the phone page does. */
export async function joinMeeting(
  baseUrl: string,
  joinCode: string,
  nickname = `Guest ${(counter += 1)}`,
): Promise<JoinedMeetingDto> {
  const result = await new HttpClient(baseUrl).post<JoinedMeetingDto>('/api/join', {
    code: joinCode,
    nickname,
  });
  if (result.status !== 201) throw new Error(`join failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}
