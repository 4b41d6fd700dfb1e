/**
 * Vitest setup (not a test file), and loaded by the browser tests' own process
 * (tests/e2e/fixtures.ts): the site's English messages, as the build and the islands set them, so
 * the pure modules that write words (`t` in src/lib/text/messages.ts) can be tested.
 */
import { setMessages } from '../../src/lib/text/messages';
import { EN_MESSAGES } from '../../src/lib/text/messages-en';

setMessages({ lang: 'en-GB', messages: EN_MESSAGES });
