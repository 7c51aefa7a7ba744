import { segment } from '@/shared/api/http-client';

/** Dashboard pages of the meetings feature (kept here: a feature does not import app/). */
export const meetingsPagePath = (workspaceId: string): string => `/w/${segment(workspaceId)}/meetings`;
export const meetingPagePath = (workspaceId: string, meetingId: string): string =>
  `${meetingsPagePath(workspaceId)}/${segment(meetingId)}`;
/** The live dashboard (built by the live feature). */
export const liveMeetingPagePath = (workspaceId: string, meetingId: string): string =>
  `${meetingPagePath(workspaceId, meetingId)}/live`;

/** REST paths, relative to `/api` (the http client adds it). */
export const meetingsApiPath = (workspaceId: string): string =>
  `/workspaces/${segment(workspaceId)}/meetings`;
export const meetingApiPath = (workspaceId: string, meetingId: string): string =>
  `${meetingsApiPath(workspaceId)}/${segment(meetingId)}`;
export const questionsApiPath = (workspaceId: string, meetingId: string): string =>
  `${meetingApiPath(workspaceId, meetingId)}/questions`;
export const questionApiPath = (workspaceId: string, meetingId: string, questionId: string): string =>
  `${questionsApiPath(workspaceId, meetingId)}/${segment(questionId)}`;

/** Download links are plain navigations, so they need the full `/api` path. */
export const meetingCsvUrl = (
  workspaceId: string,
  meetingId: string,
  file: 'results.csv' | 'scoreboard.csv',
): string => `/api${meetingApiPath(workspaceId, meetingId)}/${file}`;
