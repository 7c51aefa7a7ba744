import type {
  AutoResponseDto,
  CreateAutoResponseRequest,
  UpdateAutoResponseRequest,
} from '@podium/contracts';
import { botsCrud, botsKeys } from './bots-shell.api';

/** Auto-responses: `/bots/auto-responses`. */
export const autoResponsesApi = botsCrud<
  AutoResponseDto,
  CreateAutoResponseRequest,
  UpdateAutoResponseRequest
>('auto-responses', botsKeys.autoResponses);
