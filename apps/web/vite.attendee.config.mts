import { defineConfig } from 'vite';
import { webConfig } from './vite.config.mts';

// The attendee's phone (attendee.html): built after the admin app, into the same folder.
export default defineConfig(webConfig('attendee'));
