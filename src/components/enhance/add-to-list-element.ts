/**
 * Defines `<add-to-list>` (./add-to-list.ts) and exports nothing: what an island loads by
 * `import()` in the browser, where the element extends HTMLElement, which the server has not.
 */
import './add-to-list';
