import type {
  MeetingDto,
  QuestionDto,
  QuestionInput,
  QuestionsExport,
  ReorderQuestionsRequest,
} from '@podium/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { http } from '@/shared/api/http-client';
import { queryKeys } from '@/shared/api/query-keys';
import { meetingApiPath, questionApiPath, questionsApiPath } from '../model/meeting-paths';
import { orderBy, withQuestion } from '../model/reorder';

/** After a question changes, the meeting (its questions) and the list (its count) are stale. */
function useInvalidate(workspaceId: string, meetingId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.meeting(meetingId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.meetings(workspaceId), exact: true }),
    ]);
}

/** Puts a question the server returned into the cached meeting at once, before the refetch lands. */
function useStoreQuestion(meetingId: string) {
  const queryClient = useQueryClient();
  return (question: QuestionDto) =>
    queryClient.setQueryData<MeetingDto>(queryKeys.meeting(meetingId), (meeting) =>
      meeting ? { ...meeting, questions: withQuestion(meeting.questions, question) } : meeting,
    );
}

export function useCreateQuestion(workspaceId: string, meetingId: string) {
  const invalidate = useInvalidate(workspaceId, meetingId);
  const store = useStoreQuestion(meetingId);
  return useMutation({
    mutationFn: (input: QuestionInput) =>
      http.post<QuestionDto>(questionsApiPath(workspaceId, meetingId), input),
    onSuccess: (question) => {
      store(question);
      // Not awaited: the form moves on to the saved question now, the refetch lands behind it.
      void invalidate();
    },
  });
}

export function useReplaceQuestion(workspaceId: string, meetingId: string) {
  const invalidate = useInvalidate(workspaceId, meetingId);
  const store = useStoreQuestion(meetingId);
  return useMutation({
    mutationFn: ({ questionId, input }: { questionId: string; input: QuestionInput }) =>
      http.put<QuestionDto>(questionApiPath(workspaceId, meetingId, questionId), input),
    onSuccess: (question) => {
      store(question);
      // Not awaited: the form moves on to the saved question now, the refetch lands behind it.
      void invalidate();
    },
  });
}

export function useDeleteQuestion(workspaceId: string, meetingId: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate(workspaceId, meetingId);
  return useMutation({
    mutationFn: (questionId: string) => http.delete(questionApiPath(workspaceId, meetingId, questionId)),
    onSuccess: (_nothing, questionId) => {
      queryClient.setQueryData<MeetingDto>(queryKeys.meeting(meetingId), (meeting) =>
        meeting
          ? {
              ...meeting,
              questions: meeting.questions
                .filter((question) => question.id !== questionId)
                .map((question, position) => ({ ...question, position })),
            }
          : meeting,
      );
      return invalidate();
    },
  });
}

export function useDuplicateQuestion(workspaceId: string, meetingId: string) {
  const invalidate = useInvalidate(workspaceId, meetingId);
  const store = useStoreQuestion(meetingId);
  return useMutation({
    mutationFn: (questionId: string) =>
      http.post<QuestionDto>(`${questionApiPath(workspaceId, meetingId, questionId)}/duplicate`),
    onSuccess: (question) => {
      store(question);
      // Not awaited: the form moves on to the saved question now, the refetch lands behind it.
      void invalidate();
    },
  });
}

/** Reorders on screen at once and puts the old order back if the server refuses. */
export function useReorderQuestions(workspaceId: string, meetingId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.meeting(meetingId);
  return useMutation({
    mutationFn: (questionIds: string[]) =>
      http.put<unknown>(`${meetingApiPath(workspaceId, meetingId)}/question-order`, {
        questionIds,
      } satisfies ReorderQuestionsRequest),
    onMutate: async (questionIds) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<MeetingDto>(key);
      if (previous) {
        const questions = orderBy(previous.questions, questionIds).map((question, position) => ({
          ...question,
          position,
        }));
        queryClient.setQueryData<MeetingDto>(key, { ...previous, questions });
      }
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function exportQuestions(workspaceId: string, meetingId: string): Promise<QuestionsExport> {
  return http.get<QuestionsExport>(`${questionsApiPath(workspaceId, meetingId)}/export`);
}

/** The body is the uploaded file as parsed JSON: the server validates it and names what is wrong. */
export function useImportQuestions(workspaceId: string, meetingId: string) {
  const invalidate = useInvalidate(workspaceId, meetingId);
  return useMutation({
    mutationFn: (file: unknown) =>
      http.post<QuestionDto[]>(`${questionsApiPath(workspaceId, meetingId)}/import`, file),
    onSuccess: () => invalidate(),
  });
}
