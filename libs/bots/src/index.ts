/** Bot rules: commands, templates, cooldowns, revolutions, announcements, moderation, chat answers. */
export {};
