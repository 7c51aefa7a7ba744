/** Bot rules: commands, templates, cooldowns, revolutions, announcements, moderation, chat answers. */
export {};
export * from './alert-queue.rules';
export * from './event-alert.rules';
export * from './announcement.rules';
export * from './revolution.rules';
export * from './auto-response.rules';
export * from './command-parse.rules';
export * from './cooldown.rules';
export * from './permission.rules';
export * from './template.rules';
export * from './chat-answer.rules';
export * from './stream-question-messages.rules';
export * from './moderation/moderation.rules';
export * from './moderation/moderation-patterns.rules';
export * from './moderation/moderation-links.rules';
export * from './moderation/moderation-spam.rules';
export * from './rehearsal/rehearsal-events.rules';
export * from './outbound';
