/** The small scripts' words: the messages a page gives an element. */
import { setMessages, type Catalogue } from '../../lib/text/messages';

/**
 * Takes the messages a page gave an element (`data-messages`, from `messagesFor` in the page), so
 * `t` can look its words up.
 */
export function useElementMessages(element: HTMLElement): void {
  const json = element.dataset.messages;
  if (json) setMessages(JSON.parse(json) as Catalogue);
}
